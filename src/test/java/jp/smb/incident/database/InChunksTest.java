package jp.smb.incident.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InChunksTest {

  @Test
  void shouldCutALongListIntoConsecutiveChunksOfAtMostFiveHundred() {
    List<Integer> values = IntStream.range(0, 1001).boxed().toList();

    List<List<Integer>> chunks = InChunks.of(values);

    assertThat(chunks).extracting(List::size).containsExactly(500, 500, 1);
    assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(values);
  }

  @Test
  void shouldGiveNoChunkForNoValues() {
    assertThat(InChunks.of(List.of())).isEmpty();
  }
}
