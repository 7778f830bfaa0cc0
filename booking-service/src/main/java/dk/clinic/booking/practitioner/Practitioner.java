package dk.clinic.booking.practitioner;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

@Entity
@Table(name = "practitioner")
public class Practitioner {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Profession profession;

    @Column(nullable = false)
    public boolean active = true;

    @Version
    public long version;

    public enum Profession {
        physiotherapist, osteopath, chiropractor
    }
}
