module github.com/newsgraph/newsgraph

go 1.26.8

require (
	github.com/aaaton/golem/v4 v4.0.2
	github.com/aaaton/golem/v4/dicts/en v1.0.1
	github.com/abadojack/whatlanggo v1.0.1
	github.com/jdkato/prose v1.2.1
	gopkg.in/neurosnap/sentences.v1 v1.0.6
)

require (
	github.com/davecgh/go-spew v1.1.1 // indirect
	github.com/montanaflynn/stats v0.6.3 // indirect
	github.com/shogo82148/go-shuffle v0.0.0-20180218125048-27e6095f230d // indirect
)
