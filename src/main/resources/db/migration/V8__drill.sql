-- Drills (訓練) run the real procedures under numbers of their own (TRN-2026-0001) and are kept out of the real
-- incident list, board, figures and metrics unless asked for.
ALTER TABLE incident_record ADD COLUMN drill BOOLEAN DEFAULT FALSE NOT NULL;

CREATE TABLE drill_number_counter (
  counter_year INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);
