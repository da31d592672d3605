/// <summary>
/// The one URL normalisation: compiled into the generator for its duplicate-URL check (CORPUS008) and written into every
/// corpus for <c>FindByUrl</c>, so that the build-time check and the run-time lookup cannot drift apart.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
static partial class ArticleUrlKey
{
    /// <summary>The key of an address: scheme, host case, doubled slashes, percent-encoding case, trailing slash and fragment do not count.</summary>
    public static string Of(string url)
    {
        var text = url.Trim();
        var hash = text.IndexOf('#');
        if (hash >= 0)
        {
            text = text.Substring(0, hash);
        }

        var schemeEnd = text.IndexOf("://", global::System.StringComparison.Ordinal);
        if (schemeEnd >= 0)
        {
            text = text.Substring(schemeEnd + 3);
        }

        var queryStart = text.IndexOf('?');
        var query = queryStart >= 0 ? text.Substring(queryStart) : string.Empty;
        var beforeQuery = queryStart >= 0 ? text.Substring(0, queryStart) : text;
        var pathStart = beforeQuery.IndexOf('/');
        var host = (pathStart >= 0 ? beforeQuery.Substring(0, pathStart) : beforeQuery).ToLowerInvariant();
        var path = pathStart >= 0 ? beforeQuery.Substring(pathStart) : string.Empty;

        var builder = new global::System.Text.StringBuilder(host.Length + path.Length + query.Length);
        builder.Append(host);
        for (var i = 0; i < path.Length; i++)
        {
            var c = path[i];
            if (c == '/' && builder.Length > 0 && builder[builder.Length - 1] == '/')
            {
                continue;
            }

            if (c == '%' && i + 2 < path.Length && IsHex(path[i + 1]) && IsHex(path[i + 2]))
            {
                builder.Append('%').Append(char.ToUpperInvariant(path[i + 1])).Append(char.ToUpperInvariant(path[i + 2]));
                i += 2;
                continue;
            }

            builder.Append(c);
        }

        while (builder.Length > host.Length && builder[builder.Length - 1] == '/')
        {
            builder.Length--;
        }

        builder.Append(query);
        return builder.ToString();

        static bool IsHex(char c) => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
