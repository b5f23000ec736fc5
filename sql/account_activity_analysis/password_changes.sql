-- Password changes since :start_date, with the channel they came through.
SELECT account_id,
       client_id,
       NVL(channel, 'unknown') AS channel,
       changed_at
  FROM account_password_changes
 WHERE changed_at >= :start_date
 ORDER BY changed_at, account_id;
