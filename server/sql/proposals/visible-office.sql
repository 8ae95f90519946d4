(p.state = any($1::text[]))
-- $1 = ["submitted","returned","reviewing","withdrawn","registered","assignPending","rejected","merged","converted","handling","replied","completed"]
