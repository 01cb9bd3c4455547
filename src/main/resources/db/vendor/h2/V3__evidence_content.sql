ALTER TABLE incident_evidence ADD COLUMN content BLOB;
