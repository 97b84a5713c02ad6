-- A partial loan offered to the borrower (OFFERED), and the users' in-app notifications.

-- A listing not full at its deadline whose product allows a partial loan, with at least the least
-- share raised, waits in OFFERED for the borrower's answer; its freezes stay until then.
alter table investment.listings drop constraint listings_status_check;
alter table investment.listings add constraint listings_status_check
    check (status in ('OPEN', 'FULL', 'OFFERED', 'FAILED', 'REPAYING', 'SETTLED', 'DEFAULTED'));

-- One offer per listing: the raised amount offered, the window, and the borrower's answer. The
-- decision key is the Idempotency-Key of the answer (a repeat with the same key is a replay).
create table investment.offers (
    listing_id     uuid        primary key references investment.listings (id),
    borrower_id    uuid        not null,
    amount_minor   bigint      not null check (amount_minor > 0),
    raised_minor   bigint      not null check (raised_minor > 0 and raised_minor < amount_minor),
    made_at        timestamptz not null,
    expires_at     timestamptz not null,
    status         varchar(10) not null
        check (status in ('OFFERED', 'ACCEPTED', 'DECLINED', 'EXPIRED')),
    decided_at     timestamptz,
    decision_key   varchar(64),
    check (expires_at > made_at),
    check ((status = 'OFFERED') = (decided_at is null))
);

create index offers_borrower on investment.offers (borrower_id, made_at desc);
create index offers_due on investment.offers (expires_at) where status = 'OFFERED';

-- In-app notifications, written in the transaction of the event they report. The text is rendered
-- from the kind and audience in the reader's language; only the listing's title and amounts the
-- reader already sees are stored.
create table investment.notifications (
    id            uuid         primary key,
    user_id       uuid         not null,
    kind          varchar(24)  not null,
    audience      varchar(8)   not null check (audience in ('INVESTOR', 'BORROWER')),
    listing_id    uuid         not null references investment.listings (id),
    listing_title varchar(120) not null,
    amount_minor  bigint       check (amount_minor >= 0),
    until_at      timestamptz,
    created_at    timestamptz  not null,
    read_at       timestamptz
);

create index notifications_user on investment.notifications (user_id, created_at desc, id desc);
create index notifications_unread on investment.notifications (user_id) where read_at is null;
