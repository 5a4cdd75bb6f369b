-- A KOL's data-protection rights (lawful basis, privacy notice, Art. 21 objection, consents, do-not-contact)
-- become state of their own, beside the profile: the profile is what create, CRM upsert, import and merge patch
-- replace, and a CRM re-sync that left them out used to reset an objection. Only the rights endpoints write
-- this column. Existing rights move over unchanged; a profile without them gets the defaults it showed before.
ALTER TABLE kol ADD COLUMN rights jsonb;

UPDATE kol SET rights = jsonb_build_object(
    'dataProtection', coalesce(nullif(profile -> 'dataProtection', 'null'::jsonb),
                               '{"lawfulBasis": "LEGITIMATE_INTEREST", "consents": {}}'::jsonb),
    'doNotContact', coalesce(nullif(profile -> 'doNotContact', 'null'::jsonb), '{"active": false}'::jsonb));

UPDATE kol SET profile = profile - 'dataProtection' - 'doNotContact';

ALTER TABLE kol ALTER COLUMN rights SET NOT NULL;
