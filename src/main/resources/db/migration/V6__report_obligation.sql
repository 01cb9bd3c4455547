-- The legal clock: one row per report item an incident has opened, with the time the business became aware of the
-- reportable situation and the deadline counted from it. Opened, upgraded, sent or withdrawn; never deleted on its
-- own. Plain SQL that H2 and PostgreSQL both accept.
CREATE TABLE report_obligation (
  incident_number  VARCHAR(20)    NOT NULL,
  item             VARCHAR(60)    NOT NULL,
  recipient        VARCHAR(40)    NOT NULL,
  mandatory        BOOLEAN        NOT NULL,
  basis            VARCHAR(1000),
  aware_at         TIMESTAMP WITH TIME ZONE,
  due_at           TIMESTAMP WITH TIME ZONE,
  state            VARCHAR(20)    NOT NULL,
  sent_at          TIMESTAMP WITH TIME ZONE,
  withdrawal_reason VARCHAR(2000),
  opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (incident_number, item)
);
CREATE INDEX report_obligation_open ON report_obligation (state, due_at);
