-- Platform plumbing: one row once the demo data has been seeded.

CREATE TABLE platform.demo_seed (
    id         smallint    PRIMARY KEY CHECK (id = 1),
    seeded_at  timestamptz NOT NULL
);
