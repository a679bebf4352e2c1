using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using Portal.Engine.Catalog;

namespace Portal.Engine.Representation;

/// <summary>
/// Content vectors learned with ML.NET: the text of a video (caption, hashtags and its sound's title) is featurised
/// into word uni- and bigrams and character trigrams weighted by TF-IDF and L2-normalised, then projected onto its
/// first principal components (ML.NET's randomised PCA, fitted on a sample of at most <see cref="PcaSampleRows"/>
/// videos so that it stays fast on large catalogs) and L2-normalised again, so that a dot product is a cosine.
/// The fitted transformer is kept, so videos added after training get vectors in the same space.
/// </summary>
public sealed class MlContentVectorizer
{
    public const int PcaSampleRows = 20_000;

    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private MlContentVectorizer(MLContext ml, ITransformer model, int dimension)
    {
        _ml = ml;
        _model = model;
        Dimension = dimension;
    }

    public int Dimension { get; }

    /// <summary>The estimator chain: text → TF-IDF n-grams → principal components.</summary>
    public static IEstimator<ITransformer> BuildPipeline(MLContext ml, int dimension) =>
        ml.Transforms.Text.FeaturizeText(
                nameof(ContentTfIdf.TfIdf),
                TextOptions(),
                nameof(ContentInput.Text))
            .Append(ml.Transforms.ProjectToPrincipalComponents(nameof(ContentVector.Vector), nameof(ContentTfIdf.TfIdf), rank: dimension, overSampling: 10, ensureZeroMean: true, seed: 1));

    /// <summary>Fits the featuriser and projection on the catalog and returns it with every video's vector.</summary>
    public static (MlContentVectorizer Vectorizer, ContentVectors Vectors) Fit(CatalogSnapshot catalog, int dimension, int seed = 1)
    {
        var ml = new MLContext(seed);
        var rows = Inputs(catalog, Enumerable.Range(0, catalog.Count)).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);

        // The text featuriser is fitted on everything (its vocabulary and IDF need the whole catalog), the projection on a sample.
        var textModel = ml.Transforms.Text.FeaturizeText(
                nameof(ContentTfIdf.TfIdf),
                TextOptions(),
                nameof(ContentInput.Text))
            .Fit(data);
        var featurized = textModel.Transform(data);
        var sample = catalog.Count > PcaSampleRows ? ml.Data.TakeRows(ml.Data.ShuffleRows(featurized, seed), PcaSampleRows) : featurized;
        var projection = ml.Transforms.ProjectToPrincipalComponents(nameof(ContentVector.Vector), nameof(ContentTfIdf.TfIdf), rank: Math.Min(dimension, Math.Max(1, catalog.Count - 1)), overSampling: 10, ensureZeroMean: true, seed: seed)
            .Fit(sample);
        var model = textModel.Append(projection);
        var vectorizer = new MlContentVectorizer(ml, model, dimension);
        return (vectorizer, vectorizer.Transform(rows, catalog.Count));
    }

    private static TextFeaturizingEstimator.Options TextOptions() => new()
    {
        CaseMode = TextNormalizingEstimator.CaseMode.Lower,
        KeepDiacritics = false,
        KeepPunctuations = false,
        KeepNumbers = true,
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
        CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 3, UseAllLengths = false, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf },
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };

    /// <summary>Saves the fitted transformer (an ML.NET model zip).</summary>
    public void Save(Stream stream)
    {
        var schema = _ml.Data.LoadFromEnumerable(Array.Empty<ContentInput>()).Schema;
        _ml.Model.Save(_model, schema, stream);
    }

    public static MlContentVectorizer Load(Stream stream, int dimension)
    {
        var ml = new MLContext(1);
        var model = ml.Model.Load(stream, out _);
        return new MlContentVectorizer(ml, model, dimension);
    }

    /// <summary>Vectors for the given videos of a catalog (e.g. those added after training), in the fitted space.</summary>
    public float[] VectorsFor(CatalogSnapshot catalog, IReadOnlyList<int> videos)
    {
        if (videos.Count == 0)
        {
            return [];
        }

        var vectors = Transform(Inputs(catalog, videos).ToList(), videos.Count);
        return vectors.Values;
    }

    private ContentVectors Transform(List<ContentInput> rows, int count)
    {
        var transformed = _model.Transform(_ml.Data.LoadFromEnumerable(rows));
        var values = new float[count * Dimension];
        var row = 0;
        foreach (var vector in transformed.GetColumn<VBuffer<float>>(nameof(ContentVector.Vector)))
        {
            var target = values.AsSpan(row * Dimension, Dimension);
            vector.GetValues().CopyTo(target);
            var norm = System.Numerics.Tensors.TensorPrimitives.Norm(target);
            if (norm > 0)
            {
                System.Numerics.Tensors.TensorPrimitives.Divide(target, norm, target);
            }

            row++;
        }

        return new ContentVectors(Dimension, values);
    }

    private static IEnumerable<ContentInput> Inputs(CatalogSnapshot catalog, IEnumerable<int> videos) =>
        videos.Select(v => new ContentInput
        {
            Text = $"{catalog.Captions[v]} {string.Join(' ', catalog.HashtagTagsOf(v))} {catalog.SoundTitles[catalog.SoundOf[v]]}",
        });
}
