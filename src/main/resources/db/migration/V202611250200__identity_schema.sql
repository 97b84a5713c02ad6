-- Identity: users, roles, SMS codes, API tokens, real-name records, company borrowers and the
-- risk questionnaire. Personal data is stored only encrypted (AES-GCM, *_enc) with a keyed hash
-- (HMAC-SHA256, *_hash) for look-ups and uniqueness; screens use the masked forms.

CREATE SCHEMA IF NOT EXISTS identity;

CREATE TABLE identity.users (
    id                  uuid        PRIMARY KEY,
    phone_hash          bytea       NOT NULL UNIQUE,
    phone_enc           bytea       NOT NULL,
    roles               text[]      NOT NULL CHECK (cardinality(roles) > 0),
    password_hash       text        NOT NULL,
    failed_logins       integer     NOT NULL DEFAULT 0 CHECK (failed_logins >= 0),
    locked_until        timestamptz,
    totp_secret_enc     bytea,
    totp_pending_enc    bytea,
    totp_enabled        boolean     NOT NULL DEFAULT false,
    totp_last_step      bigint      NOT NULL DEFAULT 0,
    kyc_status          varchar(16) NOT NULL DEFAULT 'NONE' CHECK (kyc_status IN ('NONE', 'VERIFIED', 'REJECTED')),
    created_at          timestamptz NOT NULL,
    CHECK (NOT totp_enabled OR totp_secret_enc IS NOT NULL)
);

CREATE TABLE identity.sms_codes (
    id           uuid        PRIMARY KEY,
    phone_hash   bytea       NOT NULL,
    purpose      varchar(16) NOT NULL CHECK (purpose IN ('REGISTER', 'LOGIN', 'RESET_PASSWORD', 'WITHDRAW')),
    code_hash    bytea       NOT NULL,
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    attempts     integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    consumed_at  timestamptz
);
CREATE INDEX sms_codes_phone_purpose ON identity.sms_codes (phone_hash, purpose, created_at DESC);

CREATE TABLE identity.api_tokens (
    token_hash   bytea       PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES identity.users (id),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    revoked_at   timestamptz
);
CREATE INDEX api_tokens_user ON identity.api_tokens (user_id);

-- One verified real-name record per user, and one user per ID number.
CREATE TABLE identity.real_names (
    user_id         uuid        PRIMARY KEY REFERENCES identity.users (id),
    real_name_enc   bytea       NOT NULL,
    id_number_enc   bytea       NOT NULL,
    id_number_hash  bytea       NOT NULL UNIQUE,
    birth_date      date        NOT NULL,
    verified_at     timestamptz NOT NULL
);

-- Every verification attempt, without the data itself, to limit retries and for audit.
CREATE TABLE identity.kyc_attempts (
    id              uuid        PRIMARY KEY,
    user_id         uuid        NOT NULL REFERENCES identity.users (id),
    id_number_hash  bytea       NOT NULL,
    outcome         varchar(16) NOT NULL CHECK (outcome IN ('VERIFIED', 'REJECTED', 'UNAVAILABLE')),
    attempted_at    timestamptz NOT NULL
);
CREATE INDEX kyc_attempts_user ON identity.kyc_attempts (user_id, attempted_at);

CREATE TABLE identity.companies (
    user_id              uuid         PRIMARY KEY REFERENCES identity.users (id),
    company_name         varchar(200) NOT NULL,
    credit_code          char(18)     NOT NULL UNIQUE,
    legal_rep_name_enc   bytea        NOT NULL,
    legal_rep_id_enc     bytea        NOT NULL,
    legal_rep_id_hash    bytea        NOT NULL,
    registered_at        timestamptz  NOT NULL
);

CREATE TABLE identity.risk_assessments (
    id            uuid        PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES identity.users (id),
    risk_level    varchar(16) NOT NULL CHECK (risk_level IN ('CONSERVATIVE', 'CAUTIOUS', 'BALANCED', 'GROWTH', 'AGGRESSIVE')),
    score         integer     NOT NULL,
    answers       integer[]   NOT NULL,
    assessed_at   timestamptz NOT NULL,
    valid_until   date        NOT NULL
);
CREATE INDEX risk_assessments_user ON identity.risk_assessments (user_id, assessed_at DESC);
