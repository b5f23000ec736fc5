-- One column per report type, in H2's own mode, with the edge values pandas and pyarrow users meet.
-- H2 runs this on every new connection (INIT in the URL): CREATE ... IF NOT EXISTS and MERGE by key.
CREATE TABLE IF NOT EXISTS typed (
    id          INTEGER NOT NULL PRIMARY KEY,
    small_int   SMALLINT,
    big         BIGINT,
    num18       NUMERIC(18,0),
    amount      NUMERIC(19,5),
    small_dec   NUMERIC(5,2),
    num38       NUMERIC(38,0),
    wide        NUMERIC(50,10),
    loose       DECFLOAT,
    ratio       DOUBLE PRECISION,
    real_v      REAL,
    note        VARCHAR(200),
    fixed       CHAR(5),
    long_text   CLOB,
    flag        BOOLEAN,
    on_day      DATE,
    at_local    TIMESTAMP(6),
    at_nanos    TIMESTAMP(9),
    at_zoned    TIMESTAMP(6) WITH TIME ZONE,
    at_time     TIME(6),
    payload     VARBINARY(300),
    blob_data   BLOB,
    uid         UUID,
    span        INTERVAL DAY TO SECOND,
    doc         JSON,
    at_time_tz  TIME WITH TIME ZONE,
    "名前 ü"    VARCHAR(20)
);
MERGE INTO typed KEY (id) VALUES (1, 32767, 9223372036854775807, 999999999999999999, 99999999999999.99999, 999.99,
    12345678901234567890123456789012345678, 1234567890123456789012345678901234567890.0123456789, 12.5,
    0.1, 0.5, 'naïve “quoted” 😀 Привет 名前', 'ab', REPEAT('ж', 100000), TRUE, DATE '1900-01-01',
    TIMESTAMP '1900-01-01 00:00:00.123456', TIMESTAMP '2026-10-03 04:05:06.123456789',
    TIMESTAMP WITH TIME ZONE '2026-10-03 04:05:06.123456+02:00', TIME '23:59:59.999999',
    X'000102ff', X'cafe', '123e4567-e89b-12d3-a456-426614174000', INTERVAL '1 02:03:04.5' DAY TO SECOND,
    JSON '{"a":[1,2]}', TIME WITH TIME ZONE '04:05:06+02:00', 'ü');
MERGE INTO typed KEY (id) VALUES (2, -32768, -9223372036854775808, -999999999999999999, -0.00001, -0.01,
    -1, -0.0000000001, -0.00001, CAST('NaN' AS DOUBLE PRECISION), CAST('-Infinity' AS REAL), '', '', '', FALSE,
    DATE '9999-12-31', TIMESTAMP '9999-12-31 23:59:59.999999', TIMESTAMP '1970-01-01 00:00:00',
    TIMESTAMP WITH TIME ZONE '1900-01-01 00:00:00-05:30', TIME '00:00:00', X'', X'',
    '00000000-0000-0000-0000-000000000000', INTERVAL '-0 00:00:01' DAY TO SECOND, JSON 'null',
    TIME WITH TIME ZONE '00:00:00Z', '');
MERGE INTO typed (id, ratio) KEY (id) VALUES (3, CAST('Infinity' AS DOUBLE PRECISION));
MERGE INTO typed (id, ratio, on_day, at_local, at_zoned) KEY (id) VALUES (4, CAST('-Infinity' AS DOUBLE PRECISION),
    DATE '0001-01-01', TIMESTAMP '0001-01-01 00:00:00', TIMESTAMP WITH TIME ZONE '0001-01-01 00:00:00Z');
