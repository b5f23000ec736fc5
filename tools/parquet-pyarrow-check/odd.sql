SELECT id, note AS "texte é", id AS "ID" FROM typed ORDER BY id
