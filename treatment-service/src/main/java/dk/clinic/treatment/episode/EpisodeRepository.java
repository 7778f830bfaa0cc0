package dk.clinic.treatment.episode;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** The episode_of_care table, for this package only. */
@ApplicationScoped
class EpisodeRepository implements PanacheRepositoryBase<EpisodeOfCare, UUID> {
}
