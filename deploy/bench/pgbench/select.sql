-- One KOL by primary key: what GET /api/v1/kols/{id} reads.
\set k random(1, 100000)
SELECT id, version, profile FROM kol WHERE id = md5(:k::text)::uuid;
