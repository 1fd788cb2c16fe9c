-- 008_add_groups_and_user_groups, "old way": plain create_table and an unconditional data migration
CREATE TABLE groups (
    id serial PRIMARY KEY,
    name varchar(50) NOT NULL UNIQUE,
    description text
);
CREATE TABLE user_groups (
    user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id integer NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, group_id)
);
INSERT INTO groups (name, description) VALUES ('admin', 'Administrators'), ('user', 'Regular users');
INSERT INTO user_groups (user_id, group_id)
SELECT u.id, g.id FROM users u CROSS JOIN groups g WHERE u.role = 'admin' AND g.name = 'admin';
