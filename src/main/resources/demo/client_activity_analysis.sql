-- Demo data for client_activity_analysis (H2, Oracle mode). H2 runs this on every new connection
-- (INIT in the URL), so it is idempotent: CREATE ... IF NOT EXISTS and MERGE by key.
-- Dates are relative to SYSDATE: some inside the default 30-day window, some outside it.
CREATE TABLE IF NOT EXISTS client_email_changes (
    change_id   NUMBER(10)    PRIMARY KEY,
    client_id   NUMBER(10)    NOT NULL,
    new_email   VARCHAR2(200) NOT NULL,
    changed_at  DATE          NOT NULL
);
CREATE TABLE IF NOT EXISTS client_phone_changes (
    change_id   NUMBER(10)    PRIMARY KEY,
    client_id   NUMBER(10)    NOT NULL,
    new_phone   VARCHAR2(40),
    changed_at  DATE          NOT NULL
);
CREATE TABLE IF NOT EXISTS client_token_changes (
    change_id   NUMBER(10)    PRIMARY KEY,
    client_id   NUMBER(10)    NOT NULL,
    token_type  VARCHAR2(20)  NOT NULL,
    changed_at  DATE          NOT NULL
);

MERGE INTO client_email_changes KEY (change_id) VALUES (1, 1001, 'ada@example.com',     TRUNC(SYSDATE) - 2 + 10.0/24);
MERGE INTO client_email_changes KEY (change_id) VALUES (2, 1002, 'grace@example.com',   TRUNC(SYSDATE) - 9 + 14.5/24);
MERGE INTO client_email_changes KEY (change_id) VALUES (3, 1003, 'alan@example.com',    TRUNC(SYSDATE) - 45);
MERGE INTO client_email_changes KEY (change_id) VALUES (4, 1001, 'ada.l@example.com',   TRUNC(SYSDATE) - 120);

MERGE INTO client_phone_changes KEY (change_id) VALUES (1, 1001, '+44 20 7946 0001',    TRUNC(SYSDATE) - 1 + 9.0/24);
MERGE INTO client_phone_changes KEY (change_id) VALUES (2, 1001, '+44 20 7946 0002',    TRUNC(SYSDATE) - 6 + 16.0/24);
MERGE INTO client_phone_changes KEY (change_id) VALUES (3, 1004, NULL,                  TRUNC(SYSDATE) - 12);
MERGE INTO client_phone_changes KEY (change_id) VALUES (4, 1002, '+33 1 70 36 00 00',   TRUNC(SYSDATE) - 75);
MERGE INTO client_phone_changes KEY (change_id) VALUES (5, 1002, '+33 1 70 36 00 01',   TRUNC(SYSDATE) - 7 + 12.0/24);

MERGE INTO client_token_changes KEY (change_id) VALUES (1, 1002, 'api',                 TRUNC(SYSDATE) - 3 + 8.25/24);
MERGE INTO client_token_changes KEY (change_id) VALUES (2, 1003, 'mfa',                 TRUNC(SYSDATE) - 20 + 23.0/24);
MERGE INTO client_token_changes KEY (change_id) VALUES (3, 1001, 'api',                 TRUNC(SYSDATE) - 31);
