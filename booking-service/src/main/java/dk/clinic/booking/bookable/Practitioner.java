package dk.clinic.booking.bookable;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;

import java.util.HashSet;
import java.util.Set;

@Entity
@DiscriminatorValue("practitioner")
public class Practitioner extends Bookable {

    @Enumerated(EnumType.STRING)
    @Column(name = "profession")
    public Profession profession;

    /** What this practitioner may deliver, e.g. dry_needling only when certified. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "practitioner_modality", joinColumns = @JoinColumn(name = "practitioner_id"))
    @Column(name = "modality")
    public Set<String> modalities = new HashSet<>();

    @Override
    public String kind() {
        return "practitioner";
    }

    public boolean delivers(String modality) {
        return modalities.contains(modality);
    }

    public enum Profession {
        physiotherapist, osteopath, chiropractor
    }
}
