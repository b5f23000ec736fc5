-- Oracle's column types, as H2 in Oracle mode has them. Run on every new connection: idempotent.
CREATE TABLE IF NOT EXISTS typed (
    id          NUMBER(10) NOT NULL PRIMARY KEY,
    big         NUMBER(18),
    amount      NUMBER(19,5),
    wide        NUMBER(38),
    loose       NUMBER,
    ratio       BINARY_DOUBLE,
    note        VARCHAR2(100),
    nnote       NVARCHAR2(100),
    body        CLOB,
    changed     DATE,
    at_local    TIMESTAMP(6),
    at_zoned    TIMESTAMP WITH TIME ZONE,
    payload     RAW(10),
    blob_data   BLOB
);
MERGE INTO typed KEY (id) VALUES (1, 999999999999999999, 99999999999999.99999,
    12345678901234567890123456789012345678, 12.5, 0.1, 'naïve “quoted” 😀', 'Привет 名前', 'clob text',
    TO_DATE('1900-01-01 13:14:15', 'YYYY-MM-DD HH24:MI:SS'), TIMESTAMP '2026-10-03 04:05:06.654321',
    TIMESTAMP '2026-10-03 04:05:06.789 +02:00', HEXTORAW('000102FF'), HEXTORAW('CAFE'));
MERGE INTO typed (id, amount, note) KEY (id) VALUES (2, -0.00001, '');
