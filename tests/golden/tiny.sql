BEGIN TRANSACTION;
CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "_package" VALUES('name','libya-israel-data');
INSERT INTO "_package" VALUES('title','Libya–Israel contacts: who met whom, when, where, who said so, and who denied it');
INSERT INTO "_package" VALUES('version','0.3.0');
INSERT INTO "_package" VALUES('created','2026-12-07T00:00:00Z');
INSERT INTO "_package" VALUES('licenses','[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}]');
INSERT INTO "_package" VALUES('hash:sources','sha256:f0b2f1d076ebc23e1ba594a8d5f26500ab26711324bb88833bb6464111de52e8');
INSERT INTO "_package" VALUES('hash:people','sha256:2ca2a4cf63954b7514a69b956f37bb16afcf568106c92fb176a40fa7ac407e78');
INSERT INTO "_package" VALUES('hash:aliases','sha256:bfaa9497bc507dd717bb3f560fef675ffa1df7e75dcfbfb61fb1b12e5cf3d3a5');
INSERT INTO "_package" VALUES('hash:organizations','sha256:a9ccfc060928125bffdb19c8b5e7348b093e4ab9e82c23513a58fbe41cbd4d77');
INSERT INTO "_package" VALUES('hash:meetings','sha256:4222a584918b31176e2068f8bd6081350e45c2c251b3a070d0cf0a5a373467e8');
INSERT INTO "_package" VALUES('hash:participants','sha256:a995aebfebbd410bb2db4e6ed0bf83ddaf4553e91f43943e5a057a9ae29f2ad9');
INSERT INTO "_package" VALUES('hash:organization_participants','sha256:a37d368d183c0da4837a31b12e22868a0cf1e9370c8d44d1ee8aa66d9277d503');
INSERT INTO "_package" VALUES('hash:claims','sha256:7e23a2923cea2f59a0a520dabe9a7da46d07eb3194aef1745c9bee203cd976b5');
INSERT INTO "_package" VALUES('hash:citations','sha256:8117c32887d4dbe0cf76cd3ea655c1363578632bdcef089105e122ee01232e19');
CREATE TABLE "aliases" (
  "person_id" TEXT NOT NULL,
  "alias" TEXT NOT NULL,
  "language" TEXT NOT NULL,
  "source_id" TEXT,
  PRIMARY KEY ("person_id", "alias"),
  FOREIGN KEY ("person_id") REFERENCES "people" ("person_id"),
  FOREIGN KEY ("source_id") REFERENCES "sources" ("source_id")
);
INSERT INTO "aliases" VALUES('najla-mangoush','Najla Elmangoush','en','toi-2023-08-28-story');
CREATE TABLE "citations" (
  "claim_id" TEXT NOT NULL,
  "source_id" TEXT NOT NULL,
  "locator" TEXT,
  PRIMARY KEY ("claim_id", "source_id"),
  FOREIGN KEY ("claim_id") REFERENCES "claims" ("claim_id"),
  FOREIGN KEY ("source_id") REFERENCES "sources" ("source_id")
);
INSERT INTO "citations" VALUES('c-0001','keyt-2023-08-27-report','para 1');
INSERT INTO "citations" VALUES('c-0002','keyt-2023-08-27-report','para 2');
INSERT INTO "citations" VALUES('c-0003','toi-2023-08-28-story','para 4');
INSERT INTO "citations" VALUES('c-0004','toi-2023-08-28-story','para 5');
INSERT INTO "citations" VALUES('c-0005','toi-2023-08-28-story','headline');
CREATE TABLE "claims" (
  "claim_id" TEXT NOT NULL,
  "meeting_id" TEXT,
  "person_id" TEXT,
  "organization_id" TEXT,
  "claim_type" TEXT NOT NULL,
  "statement" TEXT NOT NULL,
  "claimant_person_id" TEXT,
  "claimant_organization_id" TEXT,
  "claimant_description" TEXT,
  "stated" TEXT,
  "stated_earliest" TEXT,
  "stated_latest" TEXT,
  "disputes" TEXT,
  "origins" INTEGER,
  PRIMARY KEY ("claim_id"),
  FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("meeting_id"),
  FOREIGN KEY ("person_id") REFERENCES "people" ("person_id"),
  FOREIGN KEY ("organization_id") REFERENCES "organizations" ("organization_id"),
  FOREIGN KEY ("claimant_person_id") REFERENCES "people" ("person_id"),
  FOREIGN KEY ("claimant_organization_id") REFERENCES "organizations" ("organization_id"),
  FOREIGN KEY ("disputes") REFERENCES "claims" ("claim_id")
);
INSERT INTO "claims" VALUES('c-0001','rome-2023-08-cohen-mangoush',NULL,NULL,'occurred','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.',NULL,'israel-foreign-ministry',NULL,'2023-08-27','2023-08-27','2023-08-27',NULL,1);
INSERT INTO "claims" VALUES('c-0002','rome-2023-08-cohen-mangoush',NULL,NULL,'attendance','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.',NULL,'israel-foreign-ministry',NULL,'2023-08-27','2023-08-27','2023-08-27',NULL,1);
INSERT INTO "claims" VALUES('c-0003','rome-2023-08-cohen-mangoush',NULL,NULL,'date','AP reported that the meeting took place on 22 August 2023.',NULL,NULL,'AP','2023-08-28','2023-08-28','2023-08-28',NULL,1);
INSERT INTO "claims" VALUES('c-0004','rome-2023-08-cohen-mangoush',NULL,NULL,'date','An aggregator placed the meeting on 23 August 2023.',NULL,NULL,'unnamed aggregator','2023-08-28','2023-08-28','2023-08-28','c-0003',1);
INSERT INTO "claims" VALUES('c-0005',NULL,'najla-mangoush',NULL,'consequence','The Times of Israel reported that Mangoush was suspended after the meeting became public.','eli-cohen',NULL,NULL,'2023-08-28','2023-08-28','2023-08-28',NULL,1);
CREATE TABLE "meetings" (
  "meeting_id" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "kind" TEXT NOT NULL,
  "contact" TEXT NOT NULL,
  "relevance" TEXT,
  "date" TEXT NOT NULL,
  "date_earliest" TEXT,
  "date_latest" TEXT,
  "end_date" TEXT,
  "end_date_earliest" TEXT,
  "end_date_latest" TEXT,
  "city" TEXT,
  "country" TEXT,
  "venue" TEXT,
  "status" TEXT NOT NULL,
  "disclosed" TEXT,
  "disclosed_earliest" TEXT,
  "disclosed_latest" TEXT,
  "summary" TEXT NOT NULL,
  PRIMARY KEY ("meeting_id")
);
INSERT INTO "meetings" VALUES('rome-2023-08-cohen-mangoush','Cohen and Mangoush meet in Rome','meeting','direct',NULL,'2023-08','2023-08-01','2023-08-31',NULL,NULL,NULL,'Rome','IT',NULL,'acknowledged','2023-08-27','2023-08-27','2023-08-27','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.');
CREATE TABLE "organization_participants" (
  "meeting_id" TEXT NOT NULL,
  "organization_id" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "represented_by" TEXT,
  "side" TEXT,
  "claim_id" TEXT NOT NULL,
  PRIMARY KEY ("meeting_id", "organization_id"),
  FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("meeting_id"),
  FOREIGN KEY ("organization_id") REFERENCES "organizations" ("organization_id"),
  FOREIGN KEY ("claim_id") REFERENCES "claims" ("claim_id")
);
INSERT INTO "organization_participants" VALUES('rome-2023-08-cohen-mangoush','israel-foreign-ministry','participant','the foreign minister and his staff','IL','c-0002');
CREATE TABLE "organizations" (
  "organization_id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "name_ar" TEXT,
  "name_he" TEXT,
  "country" TEXT,
  "kind" TEXT NOT NULL,
  "parent_id" TEXT,
  "description" TEXT,
  PRIMARY KEY ("organization_id"),
  FOREIGN KEY ("parent_id") REFERENCES "organizations" ("organization_id")
);
INSERT INTO "organizations" VALUES('israel-foreign-ministry','Ministry of Foreign Affairs of Israel',NULL,'משרד החוץ','IL','ministry','israel-government',NULL);
INSERT INTO "organizations" VALUES('israel-government','Government of Israel',NULL,NULL,'IL','government',NULL,NULL);
CREATE TABLE "participants" (
  "meeting_id" TEXT NOT NULL,
  "person_id" TEXT NOT NULL,
  "role" TEXT NOT NULL,
  "capacity" TEXT,
  "side" TEXT,
  "claim_id" TEXT NOT NULL,
  PRIMARY KEY ("meeting_id", "person_id"),
  FOREIGN KEY ("meeting_id") REFERENCES "meetings" ("meeting_id"),
  FOREIGN KEY ("person_id") REFERENCES "people" ("person_id"),
  FOREIGN KEY ("claim_id") REFERENCES "claims" ("claim_id")
);
INSERT INTO "participants" VALUES('rome-2023-08-cohen-mangoush','eli-cohen','participant','Foreign Minister of Israel','IL','c-0002');
INSERT INTO "participants" VALUES('rome-2023-08-cohen-mangoush','najla-mangoush','participant','Foreign Minister of Libya','LY','c-0002');
CREATE TABLE "people" (
  "person_id" TEXT NOT NULL,
  "name" TEXT NOT NULL,
  "name_ar" TEXT,
  "name_he" TEXT,
  "country" TEXT,
  "description" TEXT NOT NULL,
  PRIMARY KEY ("person_id")
);
INSERT INTO "people" VALUES('eli-cohen','Eli Cohen','إيلي كوهين','אלי כהן','IL','Foreign minister of Israel in 2023.');
INSERT INTO "people" VALUES('najla-mangoush','Najla Mangoush','نجلاء المنقوش','נג׳לא אלמנקוש','LY','Foreign minister of Libya''s Government of National Unity from 2021 to 2023.');
PRAGMA writable_schema=ON;
INSERT INTO sqlite_master(type,name,tbl_name,rootpage,sql)VALUES('table','search','search',0,'CREATE VIRTUAL TABLE search USING fts5(resource UNINDEXED, id UNINDEXED, field UNINDEXED, label UNINDEXED, text, folded, stems)');
INSERT INTO "search" VALUES('people','eli-cohen','name','Eli Cohen','Eli Cohen','eli cohen','');
INSERT INTO "search" VALUES('people','najla-mangoush','name','Najla Mangoush','Najla Mangoush','najla mangoush','');
INSERT INTO "search" VALUES('people','eli-cohen','name_ar','Eli Cohen','إيلي كوهين','ايلي كوهين','ايل كوه');
INSERT INTO "search" VALUES('people','najla-mangoush','name_ar','Najla Mangoush','نجلاء المنقوش','نجلاء المنقوش','منقوش');
INSERT INTO "search" VALUES('people','eli-cohen','name_he','Eli Cohen','אלי כהן','אלי כהן','');
INSERT INTO "search" VALUES('people','najla-mangoush','name_he','Najla Mangoush','נג׳לא אלמנקוש','נג לא אלמנקוש נגלא','');
INSERT INTO "search" VALUES('people','najla-mangoush','alias','Najla Mangoush','Najla Elmangoush','najla elmangoush','');
INSERT INTO "search" VALUES('organizations','israel-foreign-ministry','name','Ministry of Foreign Affairs of Israel','Ministry of Foreign Affairs of Israel','ministry of foreign affairs of israel','');
INSERT INTO "search" VALUES('organizations','israel-government','name','Government of Israel','Government of Israel','government of israel','');
INSERT INTO "search" VALUES('organizations','israel-foreign-ministry','name_he','Ministry of Foreign Affairs of Israel','משרד החוץ','משרד החוץ','');
INSERT INTO "search" VALUES('meetings','rome-2023-08-cohen-mangoush','title','Cohen and Mangoush meet in Rome','Cohen and Mangoush meet in Rome','cohen and mangoush meet in rome','');
INSERT INTO "search" VALUES('meetings','rome-2023-08-cohen-mangoush','summary','Cohen and Mangoush meet in Rome','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed','');
INSERT INTO "search" VALUES('claims','c-0001','statement','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','the israeli foreign ministry said cohen and mangoush met in rome the previous week','');
INSERT INTO "search" VALUES('claims','c-0002','statement','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers','');
INSERT INTO "search" VALUES('claims','c-0003','statement','AP reported that the meeting took place on 22 August 2023.','AP reported that the meeting took place on 22 August 2023.','ap reported that the meeting took place on 22 august 2023','');
INSERT INTO "search" VALUES('claims','c-0004','statement','An aggregator placed the meeting on 23 August 2023.','An aggregator placed the meeting on 23 August 2023.','an aggregator placed the meeting on 23 august 2023','');
INSERT INTO "search" VALUES('claims','c-0005','statement','The Times of Israel reported that Mangoush was suspended after the meeting became public.','The Times of Israel reported that Mangoush was suspended after the meeting became public.','the times of israel reported that mangoush was suspended after the meeting became public','');
INSERT INTO "search" VALUES('sources','ap-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','');
INSERT INTO "search" VALUES('sources','keyt-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','');
INSERT INTO "search" VALUES('sources','toi-2023-08-28-story','title','Libya''s minister suspended, "flees"','Libya''s minister suspended, "flees"','libya s minister suspended flees libyas','');
CREATE TABLE 'search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO "search_config" VALUES('hashsize',1048576);
INSERT INTO "search_config" VALUES('version',4);
CREATE TABLE 'search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5, c6);
INSERT INTO "search_content" VALUES(1,'people','eli-cohen','name','Eli Cohen','Eli Cohen','eli cohen','');
INSERT INTO "search_content" VALUES(2,'people','najla-mangoush','name','Najla Mangoush','Najla Mangoush','najla mangoush','');
INSERT INTO "search_content" VALUES(3,'people','eli-cohen','name_ar','Eli Cohen','إيلي كوهين','ايلي كوهين','ايل كوه');
INSERT INTO "search_content" VALUES(4,'people','najla-mangoush','name_ar','Najla Mangoush','نجلاء المنقوش','نجلاء المنقوش','منقوش');
INSERT INTO "search_content" VALUES(5,'people','eli-cohen','name_he','Eli Cohen','אלי כהן','אלי כהן','');
INSERT INTO "search_content" VALUES(6,'people','najla-mangoush','name_he','Najla Mangoush','נג׳לא אלמנקוש','נג לא אלמנקוש נגלא','');
INSERT INTO "search_content" VALUES(7,'people','najla-mangoush','alias','Najla Mangoush','Najla Elmangoush','najla elmangoush','');
INSERT INTO "search_content" VALUES(8,'organizations','israel-foreign-ministry','name','Ministry of Foreign Affairs of Israel','Ministry of Foreign Affairs of Israel','ministry of foreign affairs of israel','');
INSERT INTO "search_content" VALUES(9,'organizations','israel-government','name','Government of Israel','Government of Israel','government of israel','');
INSERT INTO "search_content" VALUES(10,'organizations','israel-foreign-ministry','name_he','Ministry of Foreign Affairs of Israel','משרד החוץ','משרד החוץ','');
INSERT INTO "search_content" VALUES(11,'meetings','rome-2023-08-cohen-mangoush','title','Cohen and Mangoush meet in Rome','Cohen and Mangoush meet in Rome','cohen and mangoush meet in rome','');
INSERT INTO "search_content" VALUES(12,'meetings','rome-2023-08-cohen-mangoush','summary','Cohen and Mangoush meet in Rome','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed','');
INSERT INTO "search_content" VALUES(13,'claims','c-0001','statement','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','the israeli foreign ministry said cohen and mangoush met in rome the previous week','');
INSERT INTO "search_content" VALUES(14,'claims','c-0002','statement','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers','');
INSERT INTO "search_content" VALUES(15,'claims','c-0003','statement','AP reported that the meeting took place on 22 August 2023.','AP reported that the meeting took place on 22 August 2023.','ap reported that the meeting took place on 22 august 2023','');
INSERT INTO "search_content" VALUES(16,'claims','c-0004','statement','An aggregator placed the meeting on 23 August 2023.','An aggregator placed the meeting on 23 August 2023.','an aggregator placed the meeting on 23 august 2023','');
INSERT INTO "search_content" VALUES(17,'claims','c-0005','statement','The Times of Israel reported that Mangoush was suspended after the meeting became public.','The Times of Israel reported that Mangoush was suspended after the meeting became public.','the times of israel reported that mangoush was suspended after the meeting became public','');
INSERT INTO "search_content" VALUES(18,'sources','ap-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','');
INSERT INTO "search_content" VALUES(19,'sources','keyt-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','');
INSERT INTO "search_content" VALUES(20,'sources','toi-2023-08-28-story','title','Libya''s minister suspended, "flees"','Libya''s minister suspended, "flees"','libya s minister suspended flees libyas','');
CREATE TABLE 'search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO "search_data" VALUES(1,X'14000000007F810103');
INSERT INTO "search_data" VALUES(10,X'000000020101010001010101');
INSERT INTO "search_data" VALUES(137438953473,X'000005A10530323032330F0C01040C01050C010C01040A01050A0201320F0C01040A01050A020133100C010408010508010761666661697273080C0104050105050303746572110C01040B01050B0209676772656761746F72100C01040301050302016E100C0104020105020301640B0C010403010503020C010408010508010C01040C01050C0201700F0C010402010502020575677573740F0C01040B01050B010C0104090105090106626563616D65110C01040E01050E0305747765656E0E0C01040A01050A0105636F68656E010C0104030105030A0C010402010502020C010407010507010C01040B01050B0104646174650C0C01040F01050F0207697370757465640C0C0104110105110103656C69010C01040201050203086D616E676F757368070C0104030105030105666C656573140C01040601050602066F726569676E080C01040401050404100104040701050407010C01040401050401100104040E0105040E040C010404010504010C010404010504010A676F7665726E6D656E74090C0104020105020102696E0B0C010406010506010C01040C01050C010C01040B01050B0201730C0C01041001051003047261656C080C010407010507010C010404010504080C010405010505010C010402010502010C0104020105020701690C0C010403010503010C010403010503010C010403010503020274730E0C01040E01050E01056C69627961140C010402010502060173140601050701086D616E676F757368020C010403010503090C010404010504020C010409010509010C01040D01050D030C01040801050802036565740B0C0104050105050503696E670E0C010408010508010C010406010506010C010406010506010C01040D01050D0301740C0C01040B01050B010C01040A01050A050C010406010506010C0104060105060207696E6973746572140C0104040105040901730C0C01040A01050A020C010411010511040C010405010505010C01040501050507027279080C010402010502040C010405010505010C010405010505010C01040501050501056E616A6C61020C010402010502050C01040201050201026F6608100104030501050305010C010403010503080C01040401050402016E0F0C010409010509010C0104070105070105706C6163650F0C010408010508060164100C0104040105040207726576696F75730D0C01040E01050E020575626C6963110C01040F01050F01087265706F727465640F0C010403010503020C01040601050602036F6D650B0C010407010507010C01040D01050D010C01040C01050C010173140C01040301050302036169640C0C010406010506010C010406010506010C01040601050603027973120C010403010503010C0104030105030208757370656E646564110C01040A01050A030C0104050105050104746861740F0C010404010504020C0104070105070301650C140104020709010502070901100104020D0105020D01100104020701050207010C010405010505010C01040501050501100104020C0105020C0204696D6573110C01040301050302036F6F6B0F0C0104070105070202776F0C0C010408010508020C01040F01050F01037761730E0C010409010509030C010409010509020365656B0D0C01040F01050F0106D790D79CD799050C01040201050206099ED7A0D7A7D795D7A9060C010404010504020794D797D795D7A50A0C01040301050302059BD794D79F050C01040301050302039CD790060C01040301050302079ED7A9D7A8D7930A0C0104020105020203A0D792060C0104020105020504D79CD79006060105050108D8A5D98AD984D98A0306010402020DA7D984D985D986D982D988D8B4040C01040301050304038AD98403060106020702D98A03060105020106D983D988D98703060106030704D98AD986030C010403010503020985D986D982D988D8B40406010602020986D8ACD984D8A7D8A1040C01040201050204160B0B110D130B1B0B17100F270E110D120F3C141C0B2E1B0C0F08320D2523112324171E130F0B110F1A1D0B1D141A163D0E0D14150D1013110F0D110D0B0F170A090D0E10');
CREATE TABLE 'search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO "search_docsize" VALUES(1,X'00000000020200');
INSERT INTO "search_docsize" VALUES(2,X'00000000020200');
INSERT INTO "search_docsize" VALUES(3,X'00000000020202');
INSERT INTO "search_docsize" VALUES(4,X'00000000020201');
INSERT INTO "search_docsize" VALUES(5,X'00000000020200');
INSERT INTO "search_docsize" VALUES(6,X'00000000030400');
INSERT INTO "search_docsize" VALUES(7,X'00000000020200');
INSERT INTO "search_docsize" VALUES(8,X'00000000060600');
INSERT INTO "search_docsize" VALUES(9,X'00000000030300');
INSERT INTO "search_docsize" VALUES(10,X'00000000020200');
INSERT INTO "search_docsize" VALUES(11,X'00000000060600');
INSERT INTO "search_docsize" VALUES(12,X'00000000101000');
INSERT INTO "search_docsize" VALUES(13,X'000000000E0E00');
INSERT INTO "search_docsize" VALUES(14,X'00000000101000');
INSERT INTO "search_docsize" VALUES(15,X'000000000B0B00');
INSERT INTO "search_docsize" VALUES(16,X'00000000090900');
INSERT INTO "search_docsize" VALUES(17,X'000000000E0E00');
INSERT INTO "search_docsize" VALUES(18,X'00000000050500');
INSERT INTO "search_docsize" VALUES(19,X'00000000050500');
INSERT INTO "search_docsize" VALUES(20,X'00000000050600');
CREATE TABLE 'search_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;
INSERT INTO "search_idx" VALUES(1,X'',2);
CREATE TABLE "sources" (
  "source_id" TEXT NOT NULL,
  "title" TEXT NOT NULL,
  "title_en" TEXT,
  "publisher" TEXT NOT NULL,
  "author" TEXT,
  "url" TEXT,
  "language" TEXT NOT NULL,
  "published" TEXT,
  "published_earliest" TEXT,
  "published_latest" TEXT,
  "source_type" TEXT NOT NULL,
  "relays" TEXT,
  "notes" TEXT,
  PRIMARY KEY ("source_id"),
  FOREIGN KEY ("relays") REFERENCES "sources" ("source_id")
);
INSERT INTO "sources" VALUES('ap-2023-08-27-report','Israel says foreign ministers met',NULL,'Associated Press',NULL,NULL,'en','2023-08-27','2023-08-27','2023-08-27','wire_report',NULL,'Upstream wire story; relayed by keyt-2023-08-27-report.');
INSERT INTO "sources" VALUES('keyt-2023-08-27-report','Israel says foreign ministers met',NULL,'KEYT',NULL,'https://example.org/keyt/israel-libya','en','2023-08-27','2023-08-27','2023-08-27','wire_report','ap-2023-08-27-report',NULL);
INSERT INTO "sources" VALUES('toi-2023-08-28-story','Libya''s minister suspended, "flees"',NULL,'The Times of Israel','Staff','https://example.org/toi/libya-suspended','en','2023-08-28','2023-08-28','2023-08-28','news_report',NULL,NULL);
CREATE INDEX "idx_sources_relays" ON "sources" ("relays");
CREATE INDEX "idx_aliases_person_id" ON "aliases" ("person_id");
CREATE INDEX "idx_aliases_source_id" ON "aliases" ("source_id");
CREATE INDEX "idx_organizations_parent_id" ON "organizations" ("parent_id");
CREATE INDEX "idx_participants_meeting_id" ON "participants" ("meeting_id");
CREATE INDEX "idx_participants_person_id" ON "participants" ("person_id");
CREATE INDEX "idx_participants_claim_id" ON "participants" ("claim_id");
CREATE INDEX "idx_organization_participants_meeting_id" ON "organization_participants" ("meeting_id");
CREATE INDEX "idx_organization_participants_organization_id" ON "organization_participants" ("organization_id");
CREATE INDEX "idx_organization_participants_claim_id" ON "organization_participants" ("claim_id");
CREATE INDEX "idx_claims_meeting_id" ON "claims" ("meeting_id");
CREATE INDEX "idx_claims_person_id" ON "claims" ("person_id");
CREATE INDEX "idx_claims_organization_id" ON "claims" ("organization_id");
CREATE INDEX "idx_claims_claimant_person_id" ON "claims" ("claimant_person_id");
CREATE INDEX "idx_claims_claimant_organization_id" ON "claims" ("claimant_organization_id");
CREATE INDEX "idx_claims_disputes" ON "claims" ("disputes");
CREATE INDEX "idx_citations_claim_id" ON "citations" ("claim_id");
CREATE INDEX "idx_citations_source_id" ON "citations" ("source_id");
CREATE VIEW "claim_evidence" AS SELECT c."claim_id", c."meeting_id", c."person_id", c."organization_id", c."claim_type", c."statement", c."claimant_person_id", c."claimant_organization_id", c."claimant_description", c."stated", c."stated_earliest", c."stated_latest", c."disputes", c."origins", ci."locator" AS "locator", s."source_id" AS "source_id", s."title" AS "source_title", s."publisher" AS "publisher", s."url" AS "url", s."language" AS "source_language", s."published" AS "published", s."relays" AS "relays"
        FROM claims c
        JOIN citations ci ON ci.claim_id = c.claim_id
        JOIN sources s ON s.source_id = ci.source_id
        ORDER BY c.rowid, ci.rowid;
CREATE VIEW "meeting_participants" AS SELECT m."meeting_id", m."title", m."date", m."city", m."country", m."status", m."contact", x."participant_type", x."participant_id", x."person_id", x."organization_id", x."name", x."name_ar", x."name_he", x."role", x."capacity", x."represented_by", x."side", x."claim_id"
        FROM meetings m
        JOIN (
            SELECT p.meeting_id, 'person' AS "participant_type", p.person_id AS "participant_id", p.person_id AS "person_id", NULL AS "organization_id", pe.name AS "name", pe.name_ar AS "name_ar", pe.name_he AS "name_he", p."role" AS "role", p.capacity AS "capacity", NULL AS "represented_by", p."side" AS "side", p."claim_id" AS "claim_id"
            FROM participants p JOIN people pe ON pe.person_id = p.person_id
            UNION ALL
            SELECT op.meeting_id, 'organization' AS "participant_type", op.organization_id AS "participant_id", NULL AS "person_id", op.organization_id AS "organization_id", o.name AS "name", o.name_ar AS "name_ar", o.name_he AS "name_he", op."role" AS "role", NULL AS "capacity", op.represented_by AS "represented_by", op."side" AS "side", op."claim_id" AS "claim_id"
            FROM organization_participants op
            JOIN organizations o ON o.organization_id = op.organization_id
        ) x ON x.meeting_id = m.meeting_id
        ORDER BY m.meeting_id, x.participant_type DESC, x.participant_id;
CREATE VIEW "disputed_claims" AS SELECT c."claim_id", c."meeting_id", c."person_id", c."organization_id", c."claim_type", c."statement", c."claimant_person_id", c."claimant_organization_id", c."claimant_description", c."stated", d."claim_id" AS "disputed_claim_id", d."meeting_id" AS "disputed_meeting_id", d."person_id" AS "disputed_person_id", d."organization_id" AS "disputed_organization_id", d."claim_type" AS "disputed_claim_type", d."statement" AS "disputed_statement", d."claimant_person_id" AS "disputed_claimant_person_id", d."claimant_organization_id" AS "disputed_claimant_organization_id", d."claimant_description" AS "disputed_claimant_description", d."stated" AS "disputed_stated"
        FROM claims c
        JOIN claims d ON d.claim_id = c.disputes
        ORDER BY c.rowid;
PRAGMA writable_schema=OFF;
COMMIT;
