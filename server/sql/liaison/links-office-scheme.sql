true and l.scheme = $1
-- $1 = "memberPublic"
