GRANT SELECT ON customers TO im_matrix_reader;
GRANT USAGE ON SCHEMA audit TO im_matrix_reader;
GRANT SELECT, INSERT ON audit.events TO im_matrix_reader;
