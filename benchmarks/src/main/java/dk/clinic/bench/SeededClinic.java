package dk.clinic.bench;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The seeded clinic: what the history and the measured requests refer to. */
record SeededClinic(List<Practitioner> practitioners, List<UUID> rooms, List<UUID> devices, UUID dryNeedling,
              UUID shockwave, UUID osteopathy, List<UUID> patients) {

    record Practitioner(UUID id, String name, Set<String> modalities) {
        boolean delivers(String modality) {
            return modalities.contains(modality);
        }
    }

    List<Practitioner> delivering(String modality) {
        return practitioners.stream().filter(p -> p.delivers(modality)).toList();
    }
}
