ALTER TABLE tmp_notes RENAME TO notes;
ALTER TABLE notes RENAME COLUMN body TO content;
ALTER TABLE notes RENAME CONSTRAINT tmp_notes_body_check TO notes_content_check;
ALTER INDEX tmp_notes_body_idx RENAME TO notes_content_idx;
