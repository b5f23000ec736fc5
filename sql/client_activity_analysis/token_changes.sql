/* Token rotations since :start_date. The time is also given as text ('HH24:MI:SS'), the way
   the analysts' spreadsheet expects it. */
SELECT client_id,
       token_type,
       TO_CHAR(changed_at, 'YYYY-MM-DD HH24:MI:SS') AS changed_at_text,
       changed_at
  FROM client_token_changes
 WHERE changed_at >= :start_date
   AND token_type <> ':start_date is not a bind here'
 ORDER BY changed_at, client_id;
