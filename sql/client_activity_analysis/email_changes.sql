-- Email address changes since :start_date, newest first.
-- Runs unchanged in SQL Developer (it prompts for :start_date) and in the monitor.
SELECT client_id,
       new_email,
       changed_at
  FROM client_email_changes
 WHERE changed_at >= :start_date
 ORDER BY changed_at DESC, client_id;
