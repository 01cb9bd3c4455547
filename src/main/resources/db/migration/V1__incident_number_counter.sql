-- One row per year; the row lock serialises concurrent incident starts.
CREATE TABLE incident_number_counter (
  counter_year INTEGER NOT NULL PRIMARY KEY,
  last_number  INTEGER NOT NULL
);
