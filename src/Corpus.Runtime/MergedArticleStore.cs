/// <summary>
/// The articles of several stores as one corpus (an app's own seeds and those of the shard projects it references):
/// <see cref="ArticleCollection.All"/> in the order a single project of all their seeds would have, the lookups over
/// all, and the search over every store's index with statistics merged at query time. Nothing is read until first use.
/// </summary>
[global::System.ComponentModel.EditorBrowsable(global::System.ComponentModel.EditorBrowsableState.Never)]
sealed partial class MergedArticleStore : ArticleCollection
{
    // The stores, in the order of the entries' store numbers; over shards each one is reached (its assembly loaded) when
    // one of its articles or its index is first needed.
    private readonly ArticleStore?[] _parts;
    private readonly global::System.Func<ArticleStore>[]? _reach;
    private readonly int[]? _counts;
    private readonly int[]? _order;

    // Whether the order table fits the stores (0: not looked at yet, 1: fits, -1: does not, All is merged when read).
    private int _orderFits;

    /// <param name="stores">Stores whose Ids are unique across all of them (the generator checks it at compile time).</param>
    public MergedArticleStore(params ArticleStore[] stores)
    {
        _parts = (ArticleStore[])(stores ?? throw new global::System.ArgumentNullException(nameof(stores))).Clone();
    }

    /// <param name="order">
    /// The order of <c>All</c>, made by the app's generator from the shards' order keys: for each position, the position in
    /// its store's <c>All</c> times the number of stores, plus the store's index in <paramref name="stores"/>.
    /// </param>
    /// <param name="stores">Stores whose Ids are unique across all of them (the generator checks it at compile time).</param>
    public MergedArticleStore(int[] order, params ArticleStore[] stores)
        : this(stores)
    {
        _order = order ?? throw new global::System.ArgumentNullException(nameof(order));
    }

    /// <summary>
    /// Stores reached when first needed: a first use of <c>All</c> loads the assembly of the store of its first article
    /// only, and <c>All</c>'s count is the one the app was compiled with. A store reached whose count is not its entry in
    /// <paramref name="counts"/> (a shard's assembly at run time that is not the one the app was built against) throws.
    /// </summary>
    /// <param name="order">The order of <c>All</c>, as for <see cref="MergedArticleStore(int[], ArticleStore[])"/>.</param>
    /// <param name="counts">Each store's number of articles, as the app's generator read them.</param>
    /// <param name="stores">For each store, what reaches it (a shard's data class's <c>Store</c>); called once.</param>
    public MergedArticleStore(int[] order, int[] counts, params global::System.Func<ArticleStore>[] stores)
    {
        _order = order ?? throw new global::System.ArgumentNullException(nameof(order));
        _counts = (int[])(counts ?? throw new global::System.ArgumentNullException(nameof(counts))).Clone();
        _reach = (global::System.Func<ArticleStore>[])(stores ?? throw new global::System.ArgumentNullException(nameof(stores))).Clone();
        if (_counts.Length != _reach.Length)
        {
            throw new global::System.ArgumentException("One count a store.", nameof(counts));
        }

        _parts = new ArticleStore?[_reach.Length];
    }

    internal override int ArticleCount
    {
        get
        {
            var count = 0;
            for (var i = 0; i < _parts.Length; i++)
            {
                count += _counts is null ? Part(i).ArticleCount : _counts[i];
            }

            return count;
        }
    }

    /// <summary>The article at a position, from its store by the order table: only its store's chunk is made.</summary>
    internal override Article Listed(int position)
    {
        if (!OrderFits())
        {
            return Loaded[position];
        }

        var entry = _order![position];
        return Part(entry % _parts.Length).Listed(entry / _parts.Length);
    }

    /// <summary>
    /// The first article reached, as a first value will be, in its store only. Stores given as they are have their
    /// classes listed too (0.7 ms a 10,000-article store: left to a first value, they would take a first body in another
    /// store past 1 ms); stores reached when needed are left alone (listing would load every shard's assembly). Without
    /// an order that fits, every list merged.
    /// </summary>
    internal override void PrepareListing()
    {
        if (!OrderFits())
        {
            _ = Loaded;
        }
        else if (_order!.Length > 0)
        {
            Part(_order[0] % _parts.Length).PrepareFirst(_order[0] / _parts.Length);
            if (_reach is null)
            {
                foreach (var part in _parts)
                {
                    part!.FindClasses();
                }
            }
        }
    }

    // The store, reached on its first use where it is reached when needed.
    private ArticleStore Part(int index) => global::System.Threading.Volatile.Read(ref _parts[index]) ?? Reach(index);

    private ArticleStore Reach(int index)
    {
        var store = _reach![index]() ?? throw new global::System.InvalidOperationException("A corpus store reached is null.");
        if (store.ArticleCount != _counts![index])
        {
            throw new global::System.InvalidOperationException(
                "The corpus data " + store.DataClassName + " holds " + store.ArticleCount.ToString(global::System.Globalization.CultureInfo.InvariantCulture)
                + " articles, but this app was compiled against " + _counts[index].ToString(global::System.Globalization.CultureInfo.InvariantCulture)
                + ": its assembly at run time is not the one the app was built with. Build the app again against the shards it runs with.");
        }

        global::System.Threading.Volatile.Write(ref _parts[index], store);
        return store;
    }

    private bool OrderFits()
    {
        var fits = global::System.Threading.Volatile.Read(ref _orderFits);
        if (fits == 0)
        {
            var counts = _counts;
            if (counts is null)
            {
                counts = new int[_parts.Length];
                for (var i = 0; i < counts.Length; i++)
                {
                    counts[i] = _parts[i]!.ArticleCount;
                }
            }

            // Counts made by the app's generator with the order are checked store by store when each is reached.
            fits = _order is not null && (_counts is not null ? _order.Length == ArticleCount : Fits(_order, counts)) ? 1 : -1;
            global::System.Threading.Volatile.Write(ref _orderFits, fits);
        }

        return fits > 0;
    }

    // Whether the order table places every article of every store: as many entries as articles, each within its
    // store's list (entries are distinct by the generator's construction). An entry is position × stores + store, so
    // "within" is entry < count × stores + store: one division per entry, not two (100,000 entries in about 1 ms).
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static bool Fits(int[] order, int[] counts)
    {
        var stores = counts.Length;
        var limits = new long[stores];
        long total = 0;
        for (var i = 0; i < stores; i++)
        {
            total += counts[i];
            limits[i] = ((long)counts[i] * stores) + i;
        }

        if (order.Length != total)
        {
            return false;
        }

        foreach (var entry in order)
        {
            if (entry < 0 || entry >= limits[entry % stores])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Every store's list placed by the order made at compile time, which decodes no date; else (shards of an older
    /// generator, or shards whose counts are not those the app was compiled with) merged here.
    /// </summary>
    private protected override Article[] LoadArticles()
    {
        var lists = new Article[_parts.Length][];
        var total = 0;
        for (var i = 0; i < _parts.Length; i++)
        {
            lists[i] = Part(i).Loaded;
            total += lists[i].Length;
        }

        return OrderFits() ? Place(lists, _order!) : Merge(lists, total);
    }

    // The lists placed by the order table, which fits them (OrderFits).
    // Optimized at once: the loop runs once per article, at tier 0 it would be compiled again on the stack (OSR).
    [global::System.Runtime.CompilerServices.MethodImpl(ArticleStore.RecordReader.Optimized)]
    private static Article[] Place(Article[][] lists, int[] order)
    {
        var merged = new Article[order.Length];
        var stores = lists.Length;
        for (var position = 0; position < order.Length; position++)
        {
            merged[position] = lists[order[position] % stores][order[position] / stores];
        }

        return merged;
    }

    /// <summary>
    /// A k-way merge of the stores' lists, which are each already in order: each step takes the first of the heads.
    /// Linear in the number of stores per article, which is a handful to a few hundred shards. Each article's date is
    /// decoded once, when it becomes a head (not at each comparison); Ids only break ties.
    /// </summary>
    private static Article[] Merge(Article[][] lists, int total)
    {
        var merged = new Article[total];
        var heads = new int[lists.Length];
        var keys = new long[lists.Length];
        for (var i = 0; i < lists.Length; i++)
        {
            keys[i] = lists[i].Length > 0 ? OrderKey(lists[i][0]) : 0;
        }

        for (var position = 0; position < total; position++)
        {
            var best = -1;
            for (var i = 0; i < lists.Length; i++)
            {
                if (heads[i] < lists[i].Length
                    && (best < 0 || keys[i] > keys[best]
                        || (keys[i] == keys[best] && string.CompareOrdinal(lists[i][heads[i]].Id, lists[best][heads[best]].Id) < 0)))
                {
                    best = i;
                }
            }

            merged[position] = lists[best][heads[best]++];
            if (heads[best] < lists[best].Length)
            {
                keys[best] = OrderKey(lists[best][heads[best]]);
            }
        }

        return merged;
    }

    // The generator's order of All as one number, larger first: newest first by PublishedAt (its UTC ticks, never
    // negative), undated articles (-1) last; equal numbers by Id.
    private static long OrderKey(Article article) => article.PublishedAt is global::System.DateTimeOffset date ? date.UtcTicks : -1;

    /// <summary>Every store's index segments, and the scan of each store compiled without its index.</summary>
    private protected override SearchSource[] LoadSearchSources()
    {
        // A store compiled without its index (CorpusSearchIndex=false, or a design-time build) is scanned alone: the
        // engine merges every source's statistics, so the ranking is the same either way.
        var sources = new global::System.Collections.Generic.List<SearchSource>();
        for (var i = 0; i < _parts.Length; i++)
        {
            var part = Part(i);
            var before = sources.Count;
            if (!part.AddSegments(sources))
            {
                sources.RemoveRange(before, sources.Count - before);
                sources.Add(new SearchScan(part.Loaded));
            }
        }

        return sources.ToArray();
    }

    // One scan per store, as the index has one source per store and segment.
    private protected override SearchSource[] LoadScanSources()
    {
        var sources = new SearchSource[_parts.Length];
        for (var i = 0; i < _parts.Length; i++)
        {
            sources[i] = new SearchScan(Part(i).Loaded);
        }

        return sources;
    }
}
