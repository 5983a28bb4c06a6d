package dev.tunelab.store.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;

/** A user's role in one project. */
@Entity
@Table(name = "project_member")
@IdClass(MemberEntity.Key.class)
public class MemberEntity extends PanacheEntityBase {
    @Id
    @Column(name = "project_id")
    public String projectId;

    @Id
    @Column(name = "user_name")
    public String userName;

    /** {@code viewer}, {@code editor} or {@code admin}. */
    public String role;

    public static List<MemberEntity> ofUser(String user) {
        return list("userName", user);
    }

    public static List<MemberEntity> ofProject(String project) {
        return list("projectId = ?1 order by userName", project);
    }

    public static MemberEntity find(String project, String user) {
        return findById(new Key(project, user));
    }

    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;
        public String projectId;
        public String userName;

        public Key() {}

        public Key(String projectId, String userName) {
            this.projectId = projectId;
            this.userName = userName;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && projectId.equals(k.projectId) && userName.equals(k.userName);
        }

        @Override
        public int hashCode() {
            return Objects.hash(projectId, userName);
        }
    }
}
