/// <summary>
/// The articles of one data class: those of one project, over the data the generator wrote into that class's nested
/// chunk classes. The generated <c>Articles</c> class holds one (or a <see cref="MergedArticleStore"/> over its own and
/// its shards'). Its members are public for the shared Corpus.Runtime library, where shards and apps call them; in a
/// single project the class itself is internal.
/// </summary>
/// <remarks>
/// Each chunk's data is a nested class of the data class in its own file, generated for full builds only (in the IDE
/// there is none), named <c>Chunk0000</c>, <c>Chunk0001</c>, …; <see cref="Chunk"/> reads its constants.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class ArticleStore : ArticleCollection
{
#if NET5_0_OR_GREATER
    [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
    private readonly global::System.Type _dataClass;
    private readonly int[] _chunkStarts;
    private readonly int[] _slotPositions;
    private readonly Chunk?[] _chunks;
    private global::System.Type?[]? _chunkTypes;

    /// <param name="dataClass">The class whose non-public nested classes hold the chunks' data.</param>
    /// <param name="chunkStarts">For each chunk, the index of its first slot in <paramref name="slotPositions"/>; one more entry for the end.</param>
    /// <param name="slotPositions">For each chunk in order and each article in it (by Id), the article's position in <see cref="ArticleCollection.All"/>.</param>
    public ArticleStore(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        int[] chunkStarts,
        int[] slotPositions)
    {
        _dataClass = dataClass;
        _chunkStarts = chunkStarts;
        _slotPositions = slotPositions;
        _chunks = new Chunk?[ChunkCount];
    }

    private int ChunkCount => _chunkStarts.Length - 1;

    /// <summary>The headers of every chunk, each article placed at its position in <c>All</c>.</summary>
    private protected override Article[] LoadArticles()
    {
        var articles = new Article[_slotPositions.Length];
        var starts = _chunkStarts;
        var positions = _slotPositions;
        for (var chunk = 0; chunk < ChunkCount; chunk++)
        {
            if (starts[chunk] == starts[chunk + 1])
            {
                continue;
            }

            // The headers are read a group at a time and not kept: every value an article needs is cut out of them.
            var data = ChunkAt(chunk);
            var htmlOffset = 0;
            var slot = 0;
            foreach (var group in data.Headers)
            {
                var reader = new RecordReader(Chunk.Read(group), 0);
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

        return articles;
    }

    /// <summary>Where a chunk's constants are: found once, read as they are needed.</summary>
    private Chunk ChunkAt(int chunk)
    {
        var data = global::System.Threading.Volatile.Read(ref _chunks[chunk]);
        if (data is null)
        {
            data = Chunk.Load(ChunkTypes()[chunk] ?? throw new global::System.InvalidOperationException(Chunk.Absent), _chunkStarts[chunk + 1] - _chunkStarts[chunk]);
            data = Publish(ref _chunks[chunk], data);
        }

        return data;
    }

    /// <summary>The nested data classes, by chunk number; found with one reflection call, not one lookup per name.</summary>
    private global::System.Type?[] ChunkTypes()
    {
        var types = global::System.Threading.Volatile.Read(ref _chunkTypes);
        if (types is null)
        {
            types = new global::System.Type?[ChunkCount];
            foreach (var type in _dataClass.GetNestedTypes(global::System.Reflection.BindingFlags.NonPublic))
            {
                if (type.Name.StartsWith(DataNames.ChunkPrefix, global::System.StringComparison.Ordinal)
                    && int.TryParse(type.Name.Substring(DataNames.ChunkPrefix.Length), global::System.Globalization.NumberStyles.None, global::System.Globalization.CultureInfo.InvariantCulture, out var chunk)
                    && chunk < ChunkCount)
                {
                    types[chunk] = type;
                }
            }

            types = Publish(ref _chunkTypes, types);
        }

        return types;
    }
}
