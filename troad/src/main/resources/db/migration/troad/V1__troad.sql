-- The troad schema. Central-server tables use versions V10-V19, security-server tables V20-V29,
-- message-log tables V30-V39, so that work on each part never collides.
CREATE TABLE schema_note (note VARCHAR(200) NOT NULL);
INSERT INTO schema_note (note) VALUES ('T-Road: central server V10-V19, security server V20-V29, message log V30-V39');
