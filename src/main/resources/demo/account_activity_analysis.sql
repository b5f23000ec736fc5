-- Demo data for account_activity_analysis (H2, Oracle mode); idempotent, see client_activity_analysis.sql.
CREATE TABLE IF NOT EXISTS account_password_changes (
    change_id   NUMBER(10)    PRIMARY KEY,
    account_id  NUMBER(10)    NOT NULL,
    client_id   NUMBER(10)    NOT NULL,
    channel     VARCHAR2(20),
    changed_at  DATE          NOT NULL
);

MERGE INTO account_password_changes KEY (change_id) VALUES (1, 501, 1001, 'web',    TRUNC(SYSDATE) - 4 + 11.0/24);
MERGE INTO account_password_changes KEY (change_id) VALUES (2, 502, 1002, NULL,     TRUNC(SYSDATE) - 15 + 7.0/24);
MERGE INTO account_password_changes KEY (change_id) VALUES (3, 503, 1004, 'mobile', TRUNC(SYSDATE) - 29 + 1.0/24);
MERGE INTO account_password_changes KEY (change_id) VALUES (4, 501, 1001, 'branch', TRUNC(SYSDATE) - 90);
