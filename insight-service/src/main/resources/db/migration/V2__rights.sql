-- GDPR rights (issue 13): why a record may exist whatever the KOL's rights state, and who wrote a resource.

-- The legal obligation a record is kept under (LEGAL_OBLIGATION: an adverse event heard from the KOL;
-- KOL_REQUEST: an answer to a question the KOL initiated). NULL: the KOL profile's lawful basis.
-- Such records are accepted even after an objection, a withdrawn consent or an erasure, and an erasure keeps
-- their content with a pseudonym instead of the KOL id.
ALTER TABLE insight ADD COLUMN legal_basis text;
UPDATE insight SET legal_basis = 'LEGAL_OBLIGATION' WHERE adverse_event_mentioned;
ALTER TABLE share ADD COLUMN legal_basis text;

-- Everyone who drafted or edited a resource: none of them may approve it (separation of duties).
ALTER TABLE resource ADD COLUMN authors jsonb NOT NULL DEFAULT '[]';
