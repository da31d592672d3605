using System.Text.Json;
using System.Threading.Tasks;

namespace Corpus.Web.Tests;

public sealed partial class WebAppProcess
{
    /// <summary>GET a JSON address: asserts a success status and the JSON media type.</summary>
    public async Task<JsonDocument> GetJsonAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    }
}
