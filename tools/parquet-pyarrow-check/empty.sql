SELECT * FROM typed WHERE id < 0
