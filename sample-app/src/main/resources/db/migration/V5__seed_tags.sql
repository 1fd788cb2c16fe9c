INSERT INTO tags (name) VALUES ('general'), ('support'), ('random');
