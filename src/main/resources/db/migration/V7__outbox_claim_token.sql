-- Each claim of an alert gets its own token: the node that sent it marks it sent only while the token is still
-- its own, so a node whose lease ran out cannot overwrite the state another node has since written.
ALTER TABLE notification_outbox ADD COLUMN claim_token VARCHAR(36);
