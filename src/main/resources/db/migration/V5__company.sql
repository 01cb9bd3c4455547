-- Client companies of one installation (an IT vendor's), each a Camunda tenant; their settings live here.
CREATE TABLE company (
  id                 VARCHAR(64)    NOT NULL PRIMARY KEY,
  name               VARCHAR(500)   NOT NULL,
  profile            VARCHAR(20)    NOT NULL,
  default_procedure  VARCHAR(64),
  contacts           VARCHAR(20000),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The company an incident belongs to; NULL for an installation without companies.
ALTER TABLE incident_record ADD COLUMN company_id VARCHAR(64);
CREATE INDEX incident_record_company ON incident_record (company_id, state, detected_at);
