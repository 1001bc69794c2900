-- DOMAIN.md §2.1: officers' and claim administrators' e-mail addresses (EmailId) hold up to 200 characters.
ALTER TABLE officer ALTER COLUMN email TYPE varchar(200);
ALTER TABLE claim_admin ALTER COLUMN email TYPE varchar(200);
