-- A claim line is rewritten several times in its life; the review and the monthly batch change only amounts, which
-- no index covers. Room left in each page lets PostgreSQL update such rows in place (HOT): no index entries to add,
-- less bloat, faster national batch runs — worth the larger table (docs/adr/0009-claim-line-fillfactor.md).
ALTER TABLE claim_item SET (fillfactor = 70);
ALTER TABLE claim_service SET (fillfactor = 70);
