using System.Numerics.Tensors;
using Portal.Engine.Catalog;

namespace Portal.Engine.Representation;

/// <summary>
/// The engine's own content vectors: TF-IDF over <see cref="ContentTokenizer"/> tokens, projected to a dense
/// vector by a seeded Gaussian random projection (each token gets a fixed random direction derived from its
/// hash; Johnson–Lindenstrauss keeps cosines close) and L2-normalised. Needs no training, so it serves from the
/// first start; the training pipeline replaces it with ML.NET featurisation.
/// </summary>
public static class TfIdfContentVectorizer
{
    public const int DefaultDimension = 64;

    public static ContentVectors Build(CatalogSnapshot catalog, int dimension = DefaultDimension)
    {
        var documents = new Dictionary<string, float>[catalog.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var v = 0; v < catalog.Count; v++)
        {
            var tokens = new Dictionary<string, float>(StringComparer.Ordinal);
            ContentTokenizer.Tokenize(catalog.Captions[v], catalog.HashtagTagsOf(v), catalog.SoundIds[catalog.SoundOf[v]], tokens);
            documents[v] = tokens;
            foreach (var token in tokens.Keys)
            {
                documentFrequency[token] = documentFrequency.GetValueOrDefault(token) + 1;
            }
        }

        var directions = new Dictionary<string, float[]>(documentFrequency.Count, StringComparer.Ordinal);
        foreach (var token in documentFrequency.Keys)
        {
            directions[token] = Direction(token, dimension);
        }

        var values = new float[catalog.Count * dimension];
        var n = (double)catalog.Count;
        for (var v = 0; v < catalog.Count; v++)
        {
            var row = values.AsSpan(v * dimension, dimension);
            foreach (var (token, tf) in documents[v])
            {
                var idf = (float)(Math.Log((n + 1) / (documentFrequency[token] + 1)) + 1);
                TensorPrimitives.MultiplyAdd(directions[token], tf * idf, row, row);
            }

            var norm = TensorPrimitives.Norm(row);
            if (norm > 0)
            {
                TensorPrimitives.Divide(row, norm, row);
            }
        }

        return new ContentVectors(dimension, values);
    }

    /// <summary>A fixed pseudo-random Gaussian direction for a token (seeded by its FNV-1a hash).</summary>
    internal static float[] Direction(string token, int dimension)
    {
        var hash = 14_695_981_039_346_656_037UL;
        foreach (var c in token)
        {
            hash = (hash ^ c) * 1_099_511_628_211UL;
        }

        var random = new Primitives.SeededRandom(hash);
        var direction = new float[dimension];
        for (var i = 0; i < dimension; i++)
        {
            direction[i] = (float)random.NextGaussian();
        }

        return direction;
    }
}
