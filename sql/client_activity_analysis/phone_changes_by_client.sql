-- Phone number changes since :start_date per client; a missing number shows as 'withheld'.
SELECT client_id,
       COUNT(*)                              AS changes,
       MAX(NVL(new_phone, 'withheld'))       AS last_phone,
       MAX(changed_at)                       AS last_changed_at
  FROM client_phone_changes
 WHERE changed_at >= :start_date
 GROUP BY client_id
 ORDER BY client_id
/
