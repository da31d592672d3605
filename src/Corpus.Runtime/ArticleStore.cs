/// <summary>
/// The articles of one data class: <c>All</c>, <c>FindById</c> and <c>FindByUrl</c> over the data the generator wrote
/// into that class's nested chunk classes; or, made by <see cref="Merge"/>, over the articles of several stores (a
/// corpus split over shard projects). The generated <c>Articles</c> class holds one. Its members are public for the
/// shared Corpus.Runtime library, where shards and apps call them; in a single project the class itself is internal.
/// </summary>
/// <remarks>
/// Each chunk's data is a nested class of the data class in its own file, generated for full builds only (in the IDE
/// there is none), named <c>Chunk0000</c>, <c>Chunk0001</c>, …; <see cref="CompiledConstants"/> finds their constants.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class ArticleStore
{
    private readonly CompiledConstants? _constants;
    private readonly int[] _chunkStarts;
    private readonly int[] _slotPositions;
    private readonly Chunk?[] _chunks;
    private Article[]? _articles;
    private global::System.Collections.Generic.IReadOnlyList<Article>? _all;
    private global::System.Collections.Generic.Dictionary<string, Article>? _byId;
    private global::System.Collections.Generic.Dictionary<string, Article>? _byUrl;

    /// <param name="dataClass">The class whose non-public nested classes hold the chunks' data.</param>
    /// <param name="chunkStarts">For each chunk, the index of its first slot in <paramref name="slotPositions"/>; one more entry for the end.</param>
    /// <param name="slotPositions">For each chunk in order and each article in it (by Id), the article's position in <see cref="All"/>.</param>
    public ArticleStore(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        int[] chunkStarts,
        int[] slotPositions)
    {
        _constants = new CompiledConstants(dataClass);
        _chunkStarts = chunkStarts;
        _slotPositions = slotPositions;
        _chunks = new Chunk?[ChunkCount];
    }

    private ArticleStore(ArticleStore[] parts)
    {
        var count = 0;
        foreach (var part in parts)
        {
            count += part._slotPositions.Length;
        }

        _parts = parts;
        _chunkStarts = new[] { 0 };
        _slotPositions = new int[count];
        _chunks = new Chunk?[0];
    }

    // The stores a merged store was made of; null for a store over one data class.
    private readonly ArticleStore[]? _parts;

    private int ChunkCount => _chunkStarts.Length - 1;

    /// <summary>Every article, in the order of <see cref="All"/>; read on first use (the headers of every chunk).</summary>
    public Article[] Loaded => global::System.Threading.Volatile.Read(ref _articles) ?? LoadArticles();

    /// <summary>Every article, newest first (undated last, then by Id).</summary>
    public global::System.Collections.Generic.IReadOnlyList<Article> All => _all ??= global::System.Array.AsReadOnly(Loaded);

    /// <summary>The article with this Id (ordinal), or null.</summary>
    public Article? FindById(string id)
    {
        if (id is null)
        {
            throw new global::System.ArgumentNullException(nameof(id));
        }

        var byId = _byId;
        if (byId is null)
        {
            byId = new global::System.Collections.Generic.Dictionary<string, Article>(_slotPositions.Length, global::System.StringComparer.Ordinal);
            foreach (var article in Loaded)
            {
                byId[article.Id] = article;
            }

            _byId = byId;
        }

        return byId.TryGetValue(id, out var found) ? found : null;
    }

    /// <summary>The article at this address as written, else at the same normalised address (<see cref="ArticleUrlKey"/>); null when none.</summary>
    public Article? FindByUrl(string url)
    {
        if (url is null)
        {
            throw new global::System.ArgumentNullException(nameof(url));
        }

        var byUrl = _byUrl;
        if (byUrl is null)
        {
            byUrl = new global::System.Collections.Generic.Dictionary<string, Article>(_slotPositions.Length * 2, global::System.StringComparer.Ordinal);
            // Exact addresses first, then normalised keys; the newest article wins a shared key (All is newest first).
            foreach (var article in Loaded)
            {
                if (!byUrl.ContainsKey(article.UrlText))
                {
                    byUrl[article.UrlText] = article;
                }
            }

            foreach (var article in Loaded)
            {
                var key = "\u0001" + ArticleUrlKey.Of(article.UrlText);
                if (!byUrl.ContainsKey(key))
                {
                    byUrl[key] = article;
                }
            }

            _byUrl = byUrl;
        }

        return byUrl.TryGetValue(url, out var exact) ? exact
            : byUrl.TryGetValue("\u0001" + ArticleUrlKey.Of(url), out var normalised) ? normalised
            : null;
    }

    [global::System.Runtime.CompilerServices.MethodImpl(RecordReader.Optimized)]
    private Article[] LoadArticles()
    {
        if (_parts is not null)
        {
            var merged = MergeNewestFirst(_parts);
            return global::System.Threading.Interlocked.CompareExchange(ref _articles, merged, null) ?? merged;
        }

        var articles = new Article[_slotPositions.Length];
        var starts = _chunkStarts;
        var positions = _slotPositions;
        for (var chunk = 0; chunk < ChunkCount; chunk++)
        {
            if (starts[chunk] == starts[chunk + 1])
            {
                continue;
            }

            // Listing decodes no value: each article is made over its header where it lies, and cuts a value out on first use.
            var data = ChunkAt(chunk);
            var htmlOffset = 0;
            var slot = 0;
            foreach (var group in data.Headers)
            {
                var reader = new RecordReader(group.Chars, 0);
                while (!reader.AtEnd && slot < data.Slots)
                {
                    articles[positions[starts[chunk] + slot]] = reader.ReadArticle(data, slot, ref htmlOffset);
                    slot++;
                }
            }

            if (slot != data.Slots)
            {
                throw new global::System.InvalidOperationException(Chunk.Absent);
            }
        }

        return global::System.Threading.Interlocked.CompareExchange(ref _articles, articles, null) ?? articles;
    }

    /// <summary>Where a chunk's constants are: found once, read as they are needed.</summary>
    private Chunk ChunkAt(int chunk)
    {
        var data = global::System.Threading.Volatile.Read(ref _chunks[chunk]);
        if (data is null)
        {
            var name = DataNames.ChunkPrefix + chunk.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture);
            data = Chunk.Load(_constants!.Of(name) ?? throw new global::System.InvalidOperationException(Chunk.Absent), _chunkStarts[chunk + 1] - _chunkStarts[chunk]);
            data = global::System.Threading.Interlocked.CompareExchange(ref _chunks[chunk], data, null) ?? data;
        }

        return data;
    }
}
