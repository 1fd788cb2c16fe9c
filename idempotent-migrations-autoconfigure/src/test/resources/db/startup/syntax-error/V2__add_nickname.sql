ALTER TABLE accounts ADD COLUM nickname text;
