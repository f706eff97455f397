#!/usr/bin/env python3
"""Write the small-variant VCFs paired with the BAMs of this folder (tests/alignments-tests.sh).

Each VCF names the BAM's read-group sample (@RG SM), carries the build's ##contig lengths in the BAM's
naming style, one call far from the four genes (so that the file holds records: a small-variant input),
and the hotspot calls of the case.  Positions are from expected.tsv (plus-strand bases; KRAS, NRAS and
BRAF are on the minus strand, so c.35G>A is C>T).  Run: python3 make_vcfs.py (writes *.vcf here).
"""
LEN = {'GRCh37': {'1': 249250621, '7': 159138663, '12': 133851895, '17': 81195210},
       'GRCh38': {'1': 248956422, '7': 159345973, '12': 133275309, '17': 83257441}}

def vcf(name, build, chr_prefix, sample, calls):
    p = chr_prefix
    lines = ['##fileformat=VCFv4.2',
             '##FORMAT=<ID=GT,Number=1,Type=String,Description="Genotype">',
             '##FORMAT=<ID=AD,Number=R,Type=Integer,Description="Allelic depths">',
             '##FORMAT=<ID=AF,Number=A,Type=Float,Description="Allele fraction">',
             '##FORMAT=<ID=DP,Number=1,Type=Integer,Description="Depth">']
    lines += ['##contig=<ID=%s%s,length=%d>' % (p, c, l) for c, l in LEN[build].items()]
    lines.append('#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\tFORMAT\t' + sample)
    rows = calls + [('17', 1000000, 'G', 'A', 300, 60)]
    rows.sort(key=lambda r: (list(LEN[build]).index(r[0]), r[1]))
    for c, pos, ref, alt, dp, ad in rows:
        lines.append('%s%s\t%d\t.\t%s\t%s\t.\tPASS\t.\tGT:AD:AF:DP\t0/1:%d,%d:%.4g:%d' % (p, c, pos, ref, alt, dp - ad, ad, ad / dp, dp))
    with open(name, 'w') as f:
        f.write('\n'.join(lines) + '\n')

G12D_B37 = ('12', 25398284, 'C', 'T', 500, 100)
vcf('kras_nocall_b37.vcf', 'GRCh37', '', 'SYN_KRAS_G12D', [])
vcf('kras_g12d_b37.vcf', 'GRCh37', '', 'SYN_KRAS_G12D', [G12D_B37])
vcf('filters_nocall_hg38.vcf', 'GRCh38', 'chr', 'SYN_FILTERS', [])
vcf('filters_g12d_hg38.vcf', 'GRCh38', 'chr', 'SYN_FILTERS', [('12', 25245350, 'C', 'T', 250, 50)])
vcf('braf_nocall_hg38.vcf', 'GRCh38', 'chr', 'SYN_BRAF_V600E', [])
vcf('braf_v600e_hg38.vcf', 'GRCh38', 'chr', 'SYN_BRAF_V600E', [('7', 140753336, 'A', 'T', 600, 210)])
vcf('nras_g12d_hg19.vcf', 'GRCh37', 'chr', 'SYN_NRAS_Q61K', [G12D_B37])
vcf('multi_ensembl38.vcf', 'GRCh38', '', 'SYN_MULTI', [('12', 25225628, 'C', 'T', 300, 30), ('12', 25245347, 'C', 'T', 300, 60),
                                                       ('7', 140753336, 'AC', 'TT', 300, 45)])
vcf('lowdepth_nocall_b37.vcf', 'GRCh37', '', 'SYN_LOWDEPTH', [])
vcf('largemid56_nocall_hg19.vcf', 'GRCh37', 'chr', 'LargeMid_56_L005', [])
vcf('largemid57_nocall_hg19.vcf', 'GRCh37', 'chr', 'LargeMid_57_L005', [])
vcf('argumentna_nocall_hg19.vcf', 'GRCh37', 'chr', 'patient1004_BL1.tiny', [])

# no small-variant input: sites only, no FORMAT, one record far from the genes (GRCh37 lengths)
with open('sites_only_b37.vcf', 'w') as f:
    f.write('##fileformat=VCFv4.2\n' + ''.join('##contig=<ID=%s,length=%d>\n' % cl for cl in LEN['GRCh37'].items())
            + '#CHROM\tPOS\tID\tREF\tALT\tQUAL\tFILTER\tINFO\n17\t1000000\t.\tG\tA\t.\tPASS\t.\n')

# a used call the reads are not asked about (an in-frame deletion of KRAS codon 12), and a mutant gene whose reads
# also show a change no call includes (A146T left out)
vcf('kras_del12_b37.vcf', 'GRCh37', '', 'SYN_KRAS_G12D', [('12', 25398282, 'CACC', 'C', 500, 100)])
vcf('multi_no_a146t_ensembl38.vcf', 'GRCh38', '', 'SYN_MULTI', [('12', 25245347, 'C', 'T', 300, 60), ('7', 140753336, 'AC', 'TT', 300, 45)])
# a call at a codon the reads cover too thinly to judge (KRAS G12C, c.34G>T: 12 reads)
vcf('lowdepth_g12c_b37.vcf', 'GRCh37', '', 'SYN_LOWDEPTH', [('12', 25398285, 'C', 'A', 500, 100)])
