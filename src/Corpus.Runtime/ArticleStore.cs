/// <summary>
/// The articles of one data class: those of one project, over the data the generator wrote into that class's nested
/// chunk classes. The generated <c>Articles</c> class holds one (or a <see cref="MergedArticleStore"/> over its own and
/// its shards'). Its members are public for the shared Corpus.Runtime library, where shards and apps call them; in a
/// single project the class itself is internal.
/// </summary>
/// <remarks>
/// Each chunk's data is a nested class of the data class in its own file, generated for full builds only (in the IDE
/// there is none), named <c>Chunk0000</c>, <c>Chunk0001</c>, …; <see cref="CompiledConstants"/> finds their constants.
/// </remarks>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class ArticleStore : ArticleCollection
{
    private readonly CompiledConstants _constants;
    private readonly int[] _chunkStarts;
    private readonly int[] _slotPositions;
    private readonly Chunk?[] _chunks;
    private readonly Article[]?[] _chunkArticles;
    private int[]? _positionSlots;
    private readonly global::System.Func<int, global::System.Type?>? _chunkClasses;

    /// <summary>A store with no finder of its chunks' classes (the constructor an older generator's shard calls): each is found by reflection.</summary>
    public ArticleStore(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        int[] chunkStarts,
        int[] slotPositions)
        : this(dataClass, chunkStarts, slotPositions, null)
    {
    }

    /// <param name="dataClass">The class whose non-public nested classes hold the chunks' data.</param>
    /// <param name="chunkStarts">For each chunk, the index of its first slot in <paramref name="slotPositions"/>; one more entry for the end.</param>
    /// <param name="slotPositions">For each chunk in order and each article in it (by Id), the article's position in <see cref="ArticleCollection.All"/>.</param>
    /// <param name="chunkClasses">
    /// A chunk's class, or null where the build has none (design time); null for a store of an older generator's shard. A
    /// store that finds a class through it loads that class alone, where reflection lists and loads every nested class
    /// of the data class first.
    /// </param>
    public ArticleStore(
#if NET5_0_OR_GREATER
        [global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMembers(global::System.Diagnostics.CodeAnalysis.DynamicallyAccessedMemberTypes.NonPublicNestedTypes)]
#endif
        global::System.Type dataClass,
        int[] chunkStarts,
        int[] slotPositions,
        global::System.Func<int, global::System.Type?>? chunkClasses)
    {
        _constants = new CompiledConstants(dataClass);
        _chunkStarts = chunkStarts;
        _slotPositions = slotPositions;
        // Not ChunkCount: a getter is one more method for the JIT on the way to the first use of All.
        _chunks = new Chunk?[chunkStarts.Length - 1];
        _chunkArticles = new Article[]?[chunkStarts.Length - 1];
        _chunkClasses = chunkClasses;
    }

    private int ChunkCount => _chunkStarts.Length - 1;

    internal override int ArticleCount => _slotPositions.Length;

    /// <summary>The data class this store reads, and its assembly, for messages.</summary>
    internal string DataClassName => _constants.DataClassName;

    // The position's slot from the slot table inverted once (4 bytes an article), its article made with its chunk.
    internal override Article Listed(int position) =>
        ArticleAtSlot((global::System.Threading.Volatile.Read(ref _positionSlots) ?? Publish(ref _positionSlots, Invert(_slotPositions)))[position]);

    // One project's first use makes every article (measured: at 10,000 the lazy way's JIT cost more than it saved).
    internal override void PrepareListing() => _ = Loaded;

    /// <summary>Lists the data class's nested classes now (one reflection call), not on the first value read.</summary>
    internal void FindClasses() => _ = _constants.Has(DataNames.Slots);

    /// <summary>A merged store's first use: the article at <paramref name="position"/> and its chunk's constants found.</summary>
    internal void PrepareFirst(int position)
    {
        _ = Listed(position);
        ChunkAt(ChunkOf(_positionSlots![position])).Prepare();
    }

    // Optimized at once: the loop runs once per article, at tier 0 it would be compiled again on the stack (OSR).
    [global::System.Runtime.CompilerServices.MethodImpl(RecordReader.Optimized)]
    private static int[] Invert(int[] slotPositions)
    {
        var slots = new int[slotPositions.Length];
        for (var slot = 0; slot < slotPositions.Length; slot++)
        {
            slots[slotPositions[slot]] = slot;
        }

        return slots;
    }

    /// <summary>The articles of every chunk, each placed at its position in <c>All</c>.</summary>
    private protected override Article[] LoadArticles()
    {
        var articles = new Article[_slotPositions.Length];
        var prepared = false;
        for (var chunk = 0; chunk < _chunks.Length; chunk++)
        {
            if (_chunkStarts[chunk] == _chunkStarts[chunk + 1])
            {
                continue;
            }

            if (!prepared)
            {
                // One chunk's constants found while listing: the finding code is compiled here, not on the first value read.
                ChunkAt(chunk).Prepare();
                prepared = true;
            }

            Place(articles, chunk);
        }

        return articles;
    }

    // One chunk's articles at their positions in All. A method of its own: no frame loops over every article, which at
    // tier 0 would have the JIT compile the loop again optimized on the stack (OSR, with PGO: 8 ms at 10,000 articles).
    private void Place(Article[] articles, int chunk)
    {
        var chunkArticles = ChunkArticles(chunk);
        var start = _chunkStarts[chunk];
        for (var slot = 0; slot < chunkArticles.Length; slot++)
        {
            articles[_slotPositions[start + slot]] = chunkArticles[slot];
        }
    }

    /// <summary>
    /// The article in a slot (its chunks' slots in order, by Id within a chunk), making only its chunk's articles: a
    /// search materialises the chunks of its hits, not the whole store. The same instances as <see cref="ArticleCollection.All"/>'s.
    /// </summary>
    internal Article ArticleAtSlot(int slot)
    {
        var chunk = ChunkOf(slot);
        return ChunkArticles(chunk)[slot - _chunkStarts[chunk]];
    }

    // The chunk whose slots hold this one: the last chunk starting at or before it (empty chunks share a start).
    private int ChunkOf(int slot)
    {
        int low = 0, high = _chunks.Length - 1;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (_chunkStarts[middle] <= slot)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        return low;
    }

    /// <summary>
    /// A chunk's articles in slot order, made once. Listing reads no constant: each article is its chunk and slot, and
    /// finds its values through the chunk's slot table on first use.
    /// </summary>
    private Article[] ChunkArticles(int chunk)
    {
        var articles = global::System.Threading.Volatile.Read(ref _chunkArticles[chunk]);
        if (articles is null)
        {
            var data = ChunkAt(chunk);
            articles = new Article[data.Slots];
            for (var slot = 0; slot < articles.Length; slot++)
            {
                articles[slot] = new Article(data, slot);
            }

            articles = Publish(ref _chunkArticles[chunk], articles);
        }

        return articles;
    }

    /// <summary>A chunk, made once: its class is looked up (in a design-time compilation there is none), its constants are found on the first value read.</summary>
    private Chunk ChunkAt(int chunk)
    {
        var data = global::System.Threading.Volatile.Read(ref _chunks[chunk]);
        if (data is null)
        {
            var type = _chunkClasses?.Invoke(chunk);
            var name = DataNames.ChunkPrefix + chunk.ToString("D4", global::System.Globalization.CultureInfo.InvariantCulture);
            data = type is not null || _constants.Has(name)
                ? new Chunk(_constants, type, name, _chunkStarts[chunk + 1] - _chunkStarts[chunk])
                : throw new global::System.InvalidOperationException(Chunk.Absent);

            data = Publish(ref _chunks[chunk], data);
        }

        return data;
    }
}
