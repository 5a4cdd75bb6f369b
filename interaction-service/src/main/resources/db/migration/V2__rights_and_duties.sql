-- Why each record may exist (GDPR Art. 6): the KOL's lawful basis, or an exception the law or the KOL imposes
-- (LEGAL_OBLIGATION: safety reporting; KOL_REQUEST: answering a question the KOL asked unprompted).
ALTER TABLE interaction ADD COLUMN legal_basis text;
ALTER TABLE follow_up ADD COLUMN legal_basis text;
ALTER TABLE medical_request ADD COLUMN legal_basis text;

-- Separation of duties: a frequency-cap override is approved by someone else than who recorded it.
ALTER TABLE interaction ADD COLUMN cap_override_approved_by text;
ALTER TABLE interaction ADD COLUMN cap_override_approved_at timestamptz;

-- Who filed a medical request (a manager may file for their MSL): neither may clear its compliance review.
ALTER TABLE medical_request ADD COLUMN recorded_by text;
