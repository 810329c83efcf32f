BEGIN TRANSACTION;
CREATE TABLE _package (key TEXT PRIMARY KEY, value TEXT);
INSERT INTO "_package" VALUES('name','libya-israel-data');
INSERT INTO "_package" VALUES('title','Libya–Israel contacts: who met whom, when, where, who said so, and who denied it');
INSERT INTO "_package" VALUES('version','0.2.0');
INSERT INTO "_package" VALUES('created','2026-12-02T00:00:00Z');
INSERT INTO "_package" VALUES('licenses','[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}]');
INSERT INTO "_package" VALUES('hash:sources','sha256:f0b2f1d076ebc23e1ba594a8d5f26500ab26711324bb88833bb6464111de52e8');
INSERT INTO "_package" VALUES('hash:people','sha256:2ca2a4cf63954b7514a69b956f37bb16afcf568106c92fb176a40fa7ac407e78');
INSERT INTO "_package" VALUES('hash:aliases','sha256:bfaa9497bc507dd717bb3f560fef675ffa1df7e75dcfbfb61fb1b12e5cf3d3a5');
INSERT INTO "_package" VALUES('hash:organizations','sha256:a9ccfc060928125bffdb19c8b5e7348b093e4ab9e82c23513a58fbe41cbd4d77');
INSERT INTO "_package" VALUES('hash:meetings','sha256:fca734b7bfbde393d505262dfdca1db99724ae88baf6615a56d5548749757513');
INSERT INTO "_package" VALUES('hash:participants','sha256:a995aebfebbd410bb2db4e6ed0bf83ddaf4553e91f43943e5a057a9ae29f2ad9');
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
  "date" TEXT,
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
INSERT INTO "meetings" VALUES('rome-2023-08-cohen-mangoush','Cohen and Mangoush meet in Rome','meeting','2023-08','2023-08-01','2023-08-31',NULL,NULL,NULL,'Rome','IT',NULL,'acknowledged','2023-08-27','2023-08-27','2023-08-27','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.');
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
INSERT INTO "search" VALUES('people','eli-cohen','name','Eli Cohen','Eli Cohen','eli cohen','eli cohen');
INSERT INTO "search" VALUES('people','najla-mangoush','name','Najla Mangoush','Najla Mangoush','najla mangoush','najla mangoush');
INSERT INTO "search" VALUES('people','eli-cohen','name_ar','Eli Cohen','إيلي كوهين','ايلي كوهين','ايلي ايل كوهين كوه');
INSERT INTO "search" VALUES('people','najla-mangoush','name_ar','Najla Mangoush','نجلاء المنقوش','نجلاء المنقوش','نجلاء المنقوش منقوش');
INSERT INTO "search" VALUES('people','eli-cohen','name_he','Eli Cohen','אלי כהן','אלי כהן','אלי כהן');
INSERT INTO "search" VALUES('people','najla-mangoush','name_he','Najla Mangoush','נג׳לא אלמנקוש','נג לא אלמנקוש נגלא','נג לא אלמנקוש נגלא');
INSERT INTO "search" VALUES('people','najla-mangoush','alias','Najla Mangoush','Najla Elmangoush','najla elmangoush','najla elmangoush');
INSERT INTO "search" VALUES('organizations','israel-foreign-ministry','name','Ministry of Foreign Affairs of Israel','Ministry of Foreign Affairs of Israel','ministry of foreign affairs of israel','ministry of foreign affairs of israel');
INSERT INTO "search" VALUES('organizations','israel-government','name','Government of Israel','Government of Israel','government of israel','government of israel');
INSERT INTO "search" VALUES('organizations','israel-foreign-ministry','name_he','Ministry of Foreign Affairs of Israel','משרד החוץ','משרד החוץ','משרד החוץ');
INSERT INTO "search" VALUES('meetings','rome-2023-08-cohen-mangoush','title','Cohen and Mangoush meet in Rome','Cohen and Mangoush meet in Rome','cohen and mangoush meet in rome','cohen and mangoush meet in rome');
INSERT INTO "search" VALUES('meetings','rome-2023-08-cohen-mangoush','summary','Cohen and Mangoush meet in Rome','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed');
INSERT INTO "search" VALUES('claims','c-0001','statement','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','the israeli foreign ministry said cohen and mangoush met in rome the previous week','the israeli foreign ministry said cohen and mangoush met in rome the previous week');
INSERT INTO "search" VALUES('claims','c-0002','statement','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers');
INSERT INTO "search" VALUES('claims','c-0003','statement','AP reported that the meeting took place on 22 August 2023.','AP reported that the meeting took place on 22 August 2023.','ap reported that the meeting took place on 22 august 2023','ap reported that the meeting took place on 22 august 2023');
INSERT INTO "search" VALUES('claims','c-0004','statement','An aggregator placed the meeting on 23 August 2023.','An aggregator placed the meeting on 23 August 2023.','an aggregator placed the meeting on 23 august 2023','an aggregator placed the meeting on 23 august 2023');
INSERT INTO "search" VALUES('claims','c-0005','statement','The Times of Israel reported that Mangoush was suspended after the meeting became public.','The Times of Israel reported that Mangoush was suspended after the meeting became public.','the times of israel reported that mangoush was suspended after the meeting became public','the times of israel reported that mangoush was suspended after the meeting became public');
INSERT INTO "search" VALUES('sources','ap-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','israel says foreign ministers met');
INSERT INTO "search" VALUES('sources','keyt-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','israel says foreign ministers met');
INSERT INTO "search" VALUES('sources','toi-2023-08-28-story','title','Libya''s minister suspended, "flees"','Libya''s minister suspended, "flees"','libya s minister suspended flees libyas','libya s minister suspended flees libyas');
CREATE TABLE 'search_config'(k PRIMARY KEY, v) WITHOUT ROWID;
INSERT INTO "search_config" VALUES('hashsize',67108864);
INSERT INTO "search_config" VALUES('version',4);
CREATE TABLE 'search_content'(id INTEGER PRIMARY KEY, c0, c1, c2, c3, c4, c5, c6);
INSERT INTO "search_content" VALUES(1,'people','eli-cohen','name','Eli Cohen','Eli Cohen','eli cohen','eli cohen');
INSERT INTO "search_content" VALUES(2,'people','najla-mangoush','name','Najla Mangoush','Najla Mangoush','najla mangoush','najla mangoush');
INSERT INTO "search_content" VALUES(3,'people','eli-cohen','name_ar','Eli Cohen','إيلي كوهين','ايلي كوهين','ايلي ايل كوهين كوه');
INSERT INTO "search_content" VALUES(4,'people','najla-mangoush','name_ar','Najla Mangoush','نجلاء المنقوش','نجلاء المنقوش','نجلاء المنقوش منقوش');
INSERT INTO "search_content" VALUES(5,'people','eli-cohen','name_he','Eli Cohen','אלי כהן','אלי כהן','אלי כהן');
INSERT INTO "search_content" VALUES(6,'people','najla-mangoush','name_he','Najla Mangoush','נג׳לא אלמנקוש','נג לא אלמנקוש נגלא','נג לא אלמנקוש נגלא');
INSERT INTO "search_content" VALUES(7,'people','najla-mangoush','alias','Najla Mangoush','Najla Elmangoush','najla elmangoush','najla elmangoush');
INSERT INTO "search_content" VALUES(8,'organizations','israel-foreign-ministry','name','Ministry of Foreign Affairs of Israel','Ministry of Foreign Affairs of Israel','ministry of foreign affairs of israel','ministry of foreign affairs of israel');
INSERT INTO "search_content" VALUES(9,'organizations','israel-government','name','Government of Israel','Government of Israel','government of israel','government of israel');
INSERT INTO "search_content" VALUES(10,'organizations','israel-foreign-ministry','name_he','Ministry of Foreign Affairs of Israel','משרד החוץ','משרד החוץ','משרד החוץ');
INSERT INTO "search_content" VALUES(11,'meetings','rome-2023-08-cohen-mangoush','title','Cohen and Mangoush meet in Rome','Cohen and Mangoush meet in Rome','cohen and mangoush meet in rome','cohen and mangoush meet in rome');
INSERT INTO "search_content" VALUES(12,'meetings','rome-2023-08-cohen-mangoush','summary','Cohen and Mangoush meet in Rome','The Israeli foreign ministry said the two foreign ministers met in Rome; the date is disputed.','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed','the israeli foreign ministry said the two foreign ministers met in rome the date is disputed');
INSERT INTO "search_content" VALUES(13,'claims','c-0001','statement','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','The Israeli foreign ministry said Cohen and Mangoush met in Rome the previous week.','the israeli foreign ministry said cohen and mangoush met in rome the previous week','the israeli foreign ministry said cohen and mangoush met in rome the previous week');
INSERT INTO "search_content" VALUES(14,'claims','c-0002','statement','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','The Israeli foreign ministry said the meeting was between Cohen and Mangoush, its two foreign ministers.','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers','the israeli foreign ministry said the meeting was between cohen and mangoush its two foreign ministers');
INSERT INTO "search_content" VALUES(15,'claims','c-0003','statement','AP reported that the meeting took place on 22 August 2023.','AP reported that the meeting took place on 22 August 2023.','ap reported that the meeting took place on 22 august 2023','ap reported that the meeting took place on 22 august 2023');
INSERT INTO "search_content" VALUES(16,'claims','c-0004','statement','An aggregator placed the meeting on 23 August 2023.','An aggregator placed the meeting on 23 August 2023.','an aggregator placed the meeting on 23 august 2023','an aggregator placed the meeting on 23 august 2023');
INSERT INTO "search_content" VALUES(17,'claims','c-0005','statement','The Times of Israel reported that Mangoush was suspended after the meeting became public.','The Times of Israel reported that Mangoush was suspended after the meeting became public.','the times of israel reported that mangoush was suspended after the meeting became public','the times of israel reported that mangoush was suspended after the meeting became public');
INSERT INTO "search_content" VALUES(18,'sources','ap-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','israel says foreign ministers met');
INSERT INTO "search_content" VALUES(19,'sources','keyt-2023-08-27-report','title','Israel says foreign ministers met','Israel says foreign ministers met','israel says foreign ministers met','israel says foreign ministers met');
INSERT INTO "search_content" VALUES(20,'sources','toi-2023-08-28-story','title','Libya''s minister suspended, "flees"','Libya''s minister suspended, "flees"','libya s minister suspended flees libyas','libya s minister suspended flees libyas');
CREATE TABLE 'search_data'(id INTEGER PRIMARY KEY, block BLOB);
INSERT INTO "search_data" VALUES(1,X'14000000007F81018104');
INSERT INTO "search_data" VALUES(10,X'000000010101010001010101');
INSERT INTO "search_data" VALUES(137438953473,X'000007140530323032330F1201040C01050C01060C011201040A01050A01060A0201320F1201040A01050A01060A020133101201040801050801060801076166666169727308120104050105050106050303746572111201040B01050B01060B0209676772656761746F72101201040301050301060302016E10120104020105020106020301640B120104030105030106030212010408010508010608011201040C01050C01060C0201700F12010402010502010602020575677573740F1201040B01050B01060B01120104090105090106090106626563616D65111201040E01050E01060E0305747765656E0E1201040A01050A01060A0105636F68656E01120104030105030106030A120104020105020106020212010407010507010607011201040B01050B01060B0104646174650C1201040F01050F01060F0207697370757465640C120104110105110106110103656C69011201040201050201060203086D616E676F75736807120104030105030106030105666C656573141201040601050601060602066F726569676E08120104040105040106040418010404070105040701060407011201040401050401060401180104040E0105040E0106040E04120104040105040106040112010404010504010604010A676F7665726E6D656E7409120104020105020106020102696E0B12010406010506010606011201040C01050C01060C011201040B01050B01060B0201730C1201041001051001061003047261656C081201040701050701060701120104040105040106040812010405010505010605011201040201050201060201120104020105020106020701690C1201040301050301060301120104030105030106030112010403010503010603020274730E1201040E01050E01060E01056C696279611412010402010502010602060173140C01050701060701086D616E676F757368021201040301050301060309120104040105040106040212010409010509010609011201040D01050D01060D031201040801050801060802036565740B120104050105050106050503696E670E1201040801050801060801120104060105060106060112010406010506010606011201040D01050D01060D0301740C1201040B01050B01060B011201040A01050A01060A051201040601050601060601120104060105060106060207696E697374657214120104040105040106040901730C1201040A01050A01060A02120104110105110106110412010405010505010605011201040501050501060507027279081201040201050201060204120104050105050106050112010405010505010605011201040501050501060501056E616A6C610212010402010502010602051201040201050201060201026F6608180104030501050305010603050112010403010503010603081201040401050401060402016E0F1201040901050901060901120104070105070106070105706C6163650F1201040801050801060806016410120104040105040106040207726576696F75730D1201040E01050E01060E020575626C6963111201040F01050F01060F01087265706F727465640F12010403010503010603021201040601050601060602036F6D650B12010407010507010607011201040D01050D01060D011201040C01050C01060C010173141201040301050301060302036169640C120104060105060106060112010406010506010606011201040601050601060603027973121201040301050301060301120104030105030106030208757370656E646564111201040A01050A01060A03120104050105050106050104746861740F1201040401050401060402120104070105070106070301650C1E01040207090105020709010602070901180104020D0105020D0106020D01180104020701050207010602070112010405010505010605011201040501050501060501180104020C0105020C0106020C0204696D6573111201040301050301060302036F6F6B0F120104070105070106070202776F0C12010408010508010608021201040F01050F01060F01037761730E120104090105090106090312010409010509010609020365656B0D1201040F01050F01060F0106D790D79CD799051201040201050201060206099ED7A0D7A7D795D7A90612010404010504010604020794D797D795D7A50A1201040301050301060302059BD794D79F051201040301050301060302039CD790061201040301050301060302079ED7A9D7A8D7930A120104020105020106020203A0D79206120104020105020106020504D79CD790060C0105050106050108D8A5D98AD984D98A0306010402020DA7D984D985D986D982D988D8B4041201040301050301060304038AD98403060106030702D98A030C0105020106020106D983D988D98703060106050704D98AD9860312010403010503010604020985D986D982D988D8B40406010604020986D8ACD984D8A7D8A10412010402010502010602041C0E0E1410160E240E1D13123311141015125017250E3D240F120B4110312F142F301D2819120E141220260E261A201C5411101A1B10131614121014100E0F1A0A0C0D1110');
CREATE TABLE 'search_docsize'(id INTEGER PRIMARY KEY, sz BLOB);
INSERT INTO "search_docsize" VALUES(1,X'00000000020202');
INSERT INTO "search_docsize" VALUES(2,X'00000000020202');
INSERT INTO "search_docsize" VALUES(3,X'00000000020204');
INSERT INTO "search_docsize" VALUES(4,X'00000000020203');
INSERT INTO "search_docsize" VALUES(5,X'00000000020202');
INSERT INTO "search_docsize" VALUES(6,X'00000000030404');
INSERT INTO "search_docsize" VALUES(7,X'00000000020202');
INSERT INTO "search_docsize" VALUES(8,X'00000000060606');
INSERT INTO "search_docsize" VALUES(9,X'00000000030303');
INSERT INTO "search_docsize" VALUES(10,X'00000000020202');
INSERT INTO "search_docsize" VALUES(11,X'00000000060606');
INSERT INTO "search_docsize" VALUES(12,X'00000000101010');
INSERT INTO "search_docsize" VALUES(13,X'000000000E0E0E');
INSERT INTO "search_docsize" VALUES(14,X'00000000101010');
INSERT INTO "search_docsize" VALUES(15,X'000000000B0B0B');
INSERT INTO "search_docsize" VALUES(16,X'00000000090909');
INSERT INTO "search_docsize" VALUES(17,X'000000000E0E0E');
INSERT INTO "search_docsize" VALUES(18,X'00000000050505');
INSERT INTO "search_docsize" VALUES(19,X'00000000050505');
INSERT INTO "search_docsize" VALUES(20,X'00000000050606');
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
CREATE VIEW "meeting_participants" AS SELECT m.meeting_id, m.title, m.date, m.city, m.country, m.status,
               p.person_id, pe.name, pe.name_ar, pe.name_he, p.role, p.capacity, p.side,
               p.claim_id
        FROM meetings m
        JOIN participants p ON p.meeting_id = m.meeting_id
        JOIN people pe ON pe.person_id = p.person_id;
CREATE VIEW "disputed_claims" AS SELECT c."claim_id", c."meeting_id", c."person_id", c."organization_id", c."claim_type", c."statement", c."claimant_person_id", c."claimant_organization_id", c."claimant_description", c."stated", d."claim_id" AS "disputed_claim_id", d."meeting_id" AS "disputed_meeting_id", d."person_id" AS "disputed_person_id", d."organization_id" AS "disputed_organization_id", d."claim_type" AS "disputed_claim_type", d."statement" AS "disputed_statement", d."claimant_person_id" AS "disputed_claimant_person_id", d."claimant_organization_id" AS "disputed_claimant_organization_id", d."claimant_description" AS "disputed_claimant_description", d."stated" AS "disputed_stated"
        FROM claims c
        JOIN claims d ON d.claim_id = c.disputes
        ORDER BY c.rowid;
PRAGMA writable_schema=OFF;
COMMIT;
