package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A person who signs in; what they may do comes from their project memberships. */
@Entity
@Table(name = "app_user")
public class UserEntity extends PanacheEntityBase {
    @Id
    public String name;

    /** May create worker credentials; reaches no project by this alone. */
    @Column(name = "site_admin")
    public boolean siteAdmin;

    @Column(name = "created_at")
    public Instant createdAt;
}
