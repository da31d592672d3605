using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;

namespace Corpus.Web.Api;

/// <summary>
/// Source-generated serializers for every API type: no reflection at run time, so the API is trim- and AOT-safe (the
/// project turns reflection-based serialization off, so a type missing here fails instead of falling back).
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ArticleListPage))]
[JsonSerializable(typeof(ArticleDocument))]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(ApiError))]
public sealed partial class WebJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The API's options: web defaults (camelCase), and Chinese written as itself rather than as \u escapes; the encoder
    /// still escapes &lt; &gt; &amp; ' and quotes, so the JSON stays inert if a browser ever reads it as HTML.
    /// </summary>
    public static WebJsonContext Api { get; } = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    });
}
