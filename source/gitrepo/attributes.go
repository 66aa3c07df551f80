package gitrepo

import "context"

// Attributes returns every .gitattributes file at rev, keyed by the
// directory that holds it ("" for the root), as analyzer.Change.Attributes
// wants them. The Action uses it to read them from the checkout instead of
// spending API calls.
func (r *Repo) Attributes(ctx context.Context, rev string) (map[string][]byte, error) {
	blobs, err := r.attributeBlobs(ctx, rev)
	if err != nil {
		return nil, err
	}
	limits := make(map[string]int, len(blobs))
	for _, b := range blobs {
		limits[b.sha] = attributesBytes
	}
	contents, err := r.readBlobs(ctx, limits)
	if err != nil {
		return nil, err
	}
	files := make(map[string][]byte, len(blobs))
	for _, b := range blobs {
		files[b.dir] = contents[b.sha]
	}
	return files, nil
}
